package dev.workshopbot.commands;

import dev.workshopbot.store.AuditLog;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks every moderator command on every use; a refusal is private, names what is missing, and is audited. */
public final class ModeratorGate {

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorGate.class);

    private final AuditLog audit;
    private final Clock clock;

    public ModeratorGate(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Empty when the caller may run {@code command}; else the refusal to send. */
    public Optional<Reply> refuse(Caller caller, String command) {
        if (caller.moderator()) {
            return Optional.empty();
        }
        audit.record(new AuditLog.Entry(
                clock.instant(), caller.guildId(), caller.userId(), "refused", "slash", "not a moderator", command));
        LOG.warn("refused {} guild={} user={}: not a moderator", command, caller.guildId(), caller.userId());
        String name = command.split(" ")[0];
        return Optional.of(Messages.refusal("Only moderators can use " + name + ": you need the Manage Server "
                + "permission or one of the moderator roles the bot is configured with."));
    }
}
