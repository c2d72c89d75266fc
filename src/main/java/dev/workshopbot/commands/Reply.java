package dev.workshopbot.commands;

import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * What a handler answers: the message, whether only the caller sees it, and whether it replaces the
 * message whose button was pressed (paging) instead of posting a new one.
 */
public record Reply(MessageCreateData message, boolean ephemeral, boolean updatesMessage) {

    /** Discord's interaction callback types. */
    public static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;

    public static final int UPDATE_MESSAGE = 7;
    private static final int EPHEMERAL_FLAG = 1 << 6;

    public static Reply visible(MessageCreateData message) {
        return new Reply(message, false, false);
    }

    public static Reply privately(MessageCreateData message) {
        return new Reply(message, true, false);
    }

    public static Reply update(MessageCreateData message) {
        return new Reply(message, false, true);
    }

    /** The exact body of the interaction callback Discord receives for this reply. */
    public DataObject toCallback() {
        DataObject data = message.toData();
        if (ephemeral) {
            data.put("flags", data.getInt("flags", 0) | EPHEMERAL_FLAG);
        }
        return DataObject.empty()
                .put("type", updatesMessage ? UPDATE_MESSAGE : CHANNEL_MESSAGE_WITH_SOURCE)
                .put("data", data);
    }
}
