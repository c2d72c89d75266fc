package dev.workshopbot.discord.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;

/**
 * The JSON objects Discord sends, complete enough for JDA 6.5.0: JDA reads many fields with getters that throw when
 * a key is missing, so each builder here carries every field JDA reads without a default.
 */
final class Payloads {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String JOINED_AT = "2024-01-01T00:00:00.000000+00:00";
    private static final String LOCALE = "en-US";
    private static final int GUILD_TEXT = FakeChannel.GUILD_TEXT;
    private static final int MEMBER_OVERWRITE = 1;
    private static final int ACTION_ROW = 1;
    private static final int BUTTON = 2;
    private static final int STRING_SELECT = 3;

    private final long botUserId;
    private final long applicationId;

    Payloads(long botUserId, long applicationId) {
        this.botUserId = botUserId;
        this.applicationId = applicationId;
    }

    static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    ObjectNode user(long userId) {
        ObjectNode user = JSON.objectNode();
        String suffix = id(userId);
        user.put("id", suffix);
        user.put("username", "user" + suffix.substring(Math.max(0, suffix.length() - 6)));
        user.put("discriminator", "0");
        user.put("global_name", "User " + suffix.substring(Math.max(0, suffix.length() - 6)));
        user.putNull("avatar");
        user.put("bot", false);
        user.put("public_flags", 0);
        return user;
    }

    /** The bot's own user, as GET /users/@me and READY give it. */
    ObjectNode botUser() {
        ObjectNode user = user(botUserId);
        user.put("username", "FakeWorkshopBot").put("discriminator", "0001").putNull("global_name");
        user.put("bot", true).put("verified", true).put("mfa_enabled", false).put("flags", 0);
        return user;
    }

    ObjectNode application() {
        ObjectNode application = JSON.objectNode();
        application.put("id", id(applicationId));
        application.put("name", "FakeWorkshopBot");
        application.putNull("icon");
        application.put("description", "");
        application.put("summary", "");
        application.put("bot_public", false);
        application.put("bot_require_code_grant", false);
        application.put("verify_key", "0".repeat(64));
        application.put("flags", 0);
        application.putNull("team");
        application.set("owner", user(applicationId + 1));
        application.set("bot", botUser());
        application.set("redirect_uris", JSON.arrayNode());
        application.putNull("interactions_endpoint_url");
        return application;
    }

    ObjectNode ready(String sessionId, String resumeGatewayUrl, Collection<FakeGuild> guilds) {
        ObjectNode ready = JSON.objectNode();
        ready.put("v", 10);
        ready.set("user", botUser());
        ArrayNode unavailable = ready.putArray("guilds");
        for (FakeGuild guild : guilds) {
            unavailable.addObject().put("id", id(guild.id())).put("unavailable", true);
        }
        ready.put("session_id", sessionId);
        ready.put("resume_gateway_url", resumeGatewayUrl);
        ready.putObject("application").put("id", id(applicationId)).put("flags", 0);
        ready.putArray("private_channels");
        ready.putArray("relationships");
        ready.putArray("presences");
        ready.putArray("guild_join_requests");
        ready.putArray("geo_ordered_rtc_regions");
        ready.putObject("user_settings");
        ready.putObject("auth");
        ready.put("session_type", "normal");
        ready.putArray("_trace").add("[\"fake-discord\"]");
        return ready;
    }

    /**
     * A guild as it streams in after READY. JDA needs the arrays roles, channels, threads, emojis, voice_states,
     * guild_scheduled_events and members, and member_count; the @everyone role shares the guild's id, and the bot
     * must be among the members or JDA asks the gateway for its own member.
     */
    ObjectNode guildCreate(FakeGuild guild) {
        ObjectNode created = JSON.objectNode();
        created.put("id", id(guild.id()));
        created.put("name", guild.name());
        created.putNull("icon");
        created.putNull("splash");
        created.putNull("banner");
        created.putNull("description");
        created.put("owner_id", id(guild.ownerId()));
        created.putNull("afk_channel_id");
        created.put("afk_timeout", 300);
        created.put("verification_level", 0);
        created.put("default_message_notifications", 0);
        created.put("explicit_content_filter", 0);
        created.put("mfa_level", 0);
        created.put("nsfw_level", 0);
        created.put("premium_tier", 0);
        created.put("premium_subscription_count", 0);
        created.put("premium_progress_bar_enabled", false);
        List<FakeChannel> channels = guild.channels();
        if (channels.stream().anyMatch(channel -> channel.id() == guild.textChannelId())) {
            created.put("system_channel_id", id(guild.textChannelId()));
        } else {
            created.putNull("system_channel_id");
        }
        created.put("system_channel_flags", 0);
        created.putNull("rules_channel_id");
        created.putNull("public_updates_channel_id");
        created.putNull("safety_alerts_channel_id");
        created.putNull("vanity_url_code");
        created.put("preferred_locale", LOCALE);
        created.put("max_members", 500_000);
        created.putArray("features");
        created.put("unavailable", false);
        created.put("large", false);
        created.put("joined_at", JOINED_AT);
        ArrayNode roles = created.putArray("roles");
        roles.add(role(guild.id(), "@everyone", FakeGuild.EVERYONE_PERMISSIONS, 0));
        for (FakeGuild.Grant grant : guild.grants()) {
            roles.add(grantRole(grant));
        }
        ArrayNode channelArray = created.putArray("channels");
        ArrayNode threadArray = created.putArray("threads");
        for (FakeChannel channel : channels) {
            channelArray.add(textChannel(channel, guild.deniedToBot()));
            channel.threads().forEach(thread -> threadArray.add(thread(thread)));
        }
        created.putArray("emojis");
        created.putArray("stickers");
        created.putArray("soundboard_sounds");
        created.putArray("voice_states");
        created.putArray("presences");
        created.putArray("stage_instances");
        created.putArray("guild_scheduled_events");
        created.put("member_count", 2);
        created.putArray("members").add(member(botUser(), List.of(), null));
        return created;
    }

    ObjectNode grantRole(FakeGuild.Grant grant) {
        return role(grant.roleId(), "granted-" + id(grant.roleId()), grant.permissions(), 1);
    }

    ObjectNode role(long roleId, String name, long permissions, int position) {
        ObjectNode role = JSON.objectNode();
        role.put("id", id(roleId));
        role.put("name", name);
        role.put("color", 0);
        role.putObject("colors")
                .put("primary_color", 0)
                .putNull("secondary_color")
                .putNull("tertiary_color");
        role.put("hoist", false);
        role.putNull("icon");
        role.putNull("unicode_emoji");
        role.put("position", position);
        role.put("permissions", Long.toString(permissions));
        role.put("managed", false);
        role.put("mentionable", false);
        role.put("flags", 0);
        return role;
    }

    /**
     * A text channel as GUILD_CREATE, CHANNEL_CREATE and CHANNEL_UPDATE carry it, with a member overwrite for the
     * bot when a moderator has denied it permissions.
     */
    ObjectNode textChannel(FakeChannel channel, long deniedToBot) {
        ObjectNode json = JSON.objectNode();
        json.put("id", id(channel.id()));
        json.put("type", GUILD_TEXT);
        json.put("guild_id", id(channel.guildId()));
        json.put("name", channel.name());
        json.put("position", channel.position());
        ArrayNode overwrites = json.putArray("permission_overwrites");
        if (deniedToBot != 0) {
            overwrites
                    .addObject()
                    .put("id", id(botUserId))
                    .put("type", MEMBER_OVERWRITE)
                    .put("allow", "0")
                    .put("deny", Long.toString(deniedToBot));
        }
        json.put("nsfw", false);
        json.putNull("topic");
        json.putNull("parent_id");
        long last = channel.lastMessageId();
        if (last == 0) {
            json.putNull("last_message_id");
        } else {
            json.put("last_message_id", id(last));
        }
        json.put("rate_limit_per_user", 0);
        json.put("flags", 0);
        return json;
    }

    /**
     * A public thread the bot started on a message. JDA reads {@code thread_metadata} and the counts without
     * defaults, and takes {@code member} as the bot having joined.
     */
    ObjectNode thread(FakeChannel thread) {
        ObjectNode json = JSON.objectNode();
        json.put("id", id(thread.id()));
        json.put("type", FakeChannel.PUBLIC_THREAD);
        json.put("guild_id", id(thread.guildId()));
        json.put("parent_id", id(thread.parentId()));
        json.put("owner_id", id(botUserId));
        json.put("name", thread.name());
        long last = thread.lastMessageId();
        if (last == 0) {
            json.putNull("last_message_id");
        } else {
            json.put("last_message_id", id(last));
        }
        json.put("rate_limit_per_user", 0);
        json.put("flags", 0);
        json.put("message_count", thread.messageCount());
        json.put("total_message_count", thread.messageCount());
        json.put("member_count", 1);
        String created = Snowflakes.timestampOf(thread.id());
        json.putObject("thread_metadata")
                .put("archived", false)
                .put("locked", false)
                .put("auto_archive_duration", thread.autoArchiveMinutes())
                .put("archive_timestamp", created)
                .put("create_timestamp", created);
        json.putObject("member")
                .put("id", id(thread.id()))
                .put("user_id", id(botUserId))
                .put("join_timestamp", created)
                .put("flags", 0);
        return json;
    }

    /** A channel as an interaction's {@code data.resolved.channels} carries it: with the member's permissions. */
    ObjectNode resolvedChannel(FakeChannel channel, long deniedToBot, long memberPermissions) {
        ObjectNode json = channel.isThread() ? thread(channel) : textChannel(channel, deniedToBot);
        json.put("permissions", Long.toString(memberPermissions));
        return json;
    }

    /** A guild member; {@code permissions} is only present in interactions, where Discord adds it. */
    ObjectNode member(ObjectNode user, List<Long> roleIds, Long permissions) {
        ObjectNode member = JSON.objectNode();
        member.set("user", user);
        ArrayNode roles = member.putArray("roles");
        roleIds.forEach(roleId -> roles.add(id(roleId)));
        member.putNull("nick");
        member.putNull("avatar");
        member.put("joined_at", JOINED_AT);
        member.putNull("premium_since");
        member.put("deaf", false);
        member.put("mute", false);
        member.put("pending", false);
        member.put("flags", 0);
        member.putNull("communication_disabled_until");
        if (permissions != null) {
            member.put("permissions", Long.toString(permissions));
        }
        return member;
    }

    /**
     * An INTERACTION_CREATE payload. Beyond the documented fields, JDA 6.5.0 needs {@code guild} (an object, without
     * which it treats the interaction as a DM and fails), {@code channel} with its type, {@code context} and
     * {@code authorizing_integration_owners}.
     */
    ObjectNode interaction(
            long interactionId, String token, int type, FakeGuild guild, ObjectNode member, JsonNode data) {
        ObjectNode interaction = JSON.objectNode();
        interaction.put("id", id(interactionId));
        interaction.put("application_id", id(applicationId));
        interaction.put("type", type);
        interaction.put("token", token);
        interaction.put("version", 1);
        interaction.put("guild_id", id(guild.id()));
        interaction
                .putObject("guild")
                .put("id", id(guild.id()))
                .put("locale", LOCALE)
                .putArray("features");
        interaction.put("channel_id", id(guild.textChannelId()));
        ObjectNode channel = textChannel(guild.startingChannel(), guild.deniedToBot());
        channel.put("permissions", member.path("permissions").asText());
        interaction.set("channel", channel);
        interaction.set("member", member);
        interaction.put("app_permissions", Long.toString(guild.botPermissions()));
        interaction.put("locale", LOCALE);
        interaction.put("guild_locale", LOCALE);
        interaction.putArray("entitlements");
        interaction.putObject("authorizing_integration_owners").put("0", id(guild.id()));
        interaction.put("context", 0);
        interaction.put("attachment_size_limit", 10 * 1024 * 1024);
        interaction.set("data", data);
        return interaction;
    }

    /**
     * A message the bot sent, as Discord returns or embeds it: content, embeds, components and flags come from the
     * request; the rest is what JDA requires to build a message.
     */
    ObjectNode message(long messageId, FakeGuild guild, JsonNode fields) {
        ObjectNode message = JSON.objectNode();
        message.put("id", id(messageId));
        message.put("channel_id", id(guild.textChannelId()));
        message.put("guild_id", id(guild.id()));
        message.put("type", 0);
        message.put("content", "");
        message.set("author", botUser());
        message.put("timestamp", Snowflakes.timestampOf(messageId));
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("flags", 0);
        message.put("application_id", id(applicationId));
        message.put("webhook_id", id(applicationId));
        applyMessageFields(message, fields);
        return message;
    }

    /**
     * A message the bot sent to a channel, as POST /channels/{id}/messages returns it: not from a webhook, carrying
     * the nonce it was sent with.
     */
    ObjectNode channelMessage(long messageId, FakeChannel channel, JsonNode fields) {
        return directMessage(messageId, channel.id(), fields);
    }

    /** A DM channel with one member, as POST /users/@me/channels returns it. */
    ObjectNode dmChannel(long channelId, long userId) {
        ObjectNode channel = JSON.objectNode();
        channel.put("id", id(channelId));
        channel.put("type", 1);
        channel.putNull("last_message_id");
        channel.put("flags", 0);
        channel.putArray("recipients").add(user(userId));
        return channel;
    }

    /** A message the bot sent in a channel (a DM channel has no guild, so this is all there is to it). */
    ObjectNode directMessage(long messageId, long channelId, JsonNode fields) {
        ObjectNode message = JSON.objectNode();
        message.put("id", id(messageId));
        message.put("channel_id", id(channelId));
        message.put("type", 0);
        message.put("content", "");
        message.set("author", botUser());
        message.put("timestamp", Snowflakes.timestampOf(messageId));
        message.putNull("edited_timestamp");
        message.put("tts", false);
        message.put("mention_everyone", false);
        message.putArray("mentions");
        message.putArray("mention_roles");
        message.putArray("attachments");
        message.putArray("embeds");
        message.putArray("components");
        message.put("pinned", false);
        message.put("flags", 0);
        applyMessageFields(message, fields);
        JsonNode nonce = fields.get("nonce");
        if (nonce != null && !nonce.isNull()) {
            message.set("nonce", nonce.deepCopy());
        }
        return message;
    }

    /** Copies what a message request may change onto a message object. */
    static void applyMessageFields(ObjectNode message, JsonNode fields) {
        for (String field : List.of("content", "embeds", "components", "flags", "tts")) {
            JsonNode value = fields.get(field);
            if (value != null && !value.isNull()) {
                message.set(field, value.deepCopy());
            }
        }
        // Discord gives every embed a bot sends the type "rich"; JDA refuses an embed without a type.
        for (JsonNode embed : message.path("embeds")) {
            if (embed.isObject() && !embed.hasNonNull("type")) {
                ((ObjectNode) embed).put("type", "rich");
            }
        }
    }

    /** A message from the bot carrying one button, for injecting a click when the test gives no message. */
    ObjectNode messageWithButton(long messageId, FakeGuild guild, String customId) {
        ObjectNode fields = JSON.objectNode();
        ObjectNode button = JSON.objectNode()
                .put("type", BUTTON)
                .put("style", 1)
                .put("label", customId)
                .put("custom_id", customId);
        fields.putArray("components")
                .addObject()
                .put("type", ACTION_ROW)
                .putArray("components")
                .add(button);
        return message(messageId, guild, fields);
    }

    /** A message from the bot carrying one string select menu offering {@code values}, each labelled by itself. */
    ObjectNode messageWithStringSelect(long messageId, FakeGuild guild, String customId, List<String> values) {
        ObjectNode menu = JSON.objectNode().put("type", STRING_SELECT).put("custom_id", customId);
        ArrayNode options = menu.putArray("options");
        values.forEach(value -> options.addObject().put("label", value).put("value", value));
        ObjectNode fields = JSON.objectNode();
        fields.putArray("components")
                .addObject()
                .put("type", ACTION_ROW)
                .putArray("components")
                .add(menu);
        return message(messageId, guild, fields);
    }
}
