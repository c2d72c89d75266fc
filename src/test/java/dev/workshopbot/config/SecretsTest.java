package dev.workshopbot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Credentials are masked wherever a URL or a driver's message shows them. */
class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "jdbc:postgresql://db/bot?user=bot&password=hunter2|jdbc:postgresql://db/bot?user=bot&password=***",
                "jdbc:postgresql://bot:s3cret@db:5432/bot|jdbc:postgresql://***@db:5432/bot",
                "FATAL: password authentication failed for jdbc:postgresql://db/x?PASSWORD=a1;ssl=true|"
                        + "FATAL: password authentication failed for jdbc:postgresql://db/x?PASSWORD=***;ssl=true",
                "jdbc:sqlite:data/workshop-bot.db|jdbc:sqlite:data/workshop-bot.db",
                "https://api.example.test/v10/|https://api.example.test/v10/",
            })
    void mask_hidesPasswordsAndUserInfo_andLeavesTheRest(String text, String masked) {
        assertEquals(masked, Secrets.mask(text));
    }
}
