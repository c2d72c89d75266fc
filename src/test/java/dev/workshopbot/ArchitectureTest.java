package dev.workshopbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The arrows of STYLE.md: the content core and search know nothing of Discord or of the console. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.workshopbot");

    @Test
    void contentAndSearch_importNothingFromJda() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.workshopbot.content..", "dev.workshopbot.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    void contentAndSearch_dependOnNoOuterLayer() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.workshopbot.content..", "dev.workshopbot.search..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.workshopbot.commands..",
                        "dev.workshopbot.console..",
                        "dev.workshopbot.discord..",
                        "dev.workshopbot.config..")
                .check(CLASSES);
    }

    @Test
    void dailyAndStore_reachDiscordOnlyThroughTheInterfaceDailyOwns() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.workshopbot.daily..", "dev.workshopbot.store..", "dev.workshopbot.reload..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("net.dv8tion..", "dev.workshopbot.discord..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCompositionRoot_wiresTheDiscordAdapter() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.workshopbot", "dev.workshopbot.discord..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.workshopbot.discord..")
                .check(CLASSES);
    }

    @Test
    void content_doesNotDependOnSearch() {
        noClasses()
                .that()
                .resideInAPackage("dev.workshopbot.content..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.workshopbot.search..")
                .check(CLASSES);
    }

    @Test
    void contentAndSearch_knowNothingOfStorage() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.workshopbot.content..", "dev.workshopbot.search..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.workshopbot.store..")
                .check(CLASSES);
    }

    @Test
    void commands_buildMessagesButNeverTalkToTheGateway() {
        // Commands may use JDA's message and command builders; events, interaction hooks, REST actions and the
        // connection itself belong to discord/, so every command stays testable with plain values.
        noClasses()
                .that()
                .resideInAPackage("dev.workshopbot.commands..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "net.dv8tion.jda.api.events..", "net.dv8tion.jda.api.hooks..", "net.dv8tion.jda.api.requests..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("net.dv8tion.jda.api.JDA")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("net.dv8tion.jda.api.interactions.InteractionHook")
                .check(CLASSES);
    }
}
