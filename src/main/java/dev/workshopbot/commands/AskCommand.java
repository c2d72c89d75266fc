package dev.workshopbot.commands;

import dev.workshopbot.content.Library;
import dev.workshopbot.content.Page;
import dev.workshopbot.content.Section;
import dev.workshopbot.search.AnswerFinder;
import dev.workshopbot.search.SearchIndex;
import dev.workshopbot.search.Snapshot;
import dev.workshopbot.store.Insights;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /ask question [private]}: the passages of the workshop that answer a question, cited with their section and
 * page and a link to each; below the confidence threshold, the three nearest sections and a pointer to /search.
 * Public by default, so the group sees the answer.
 */
public final class AskCommand implements SlashCommand {

    static final String NAME = "ask";
    static final int QUESTION_MIN = 3;
    static final int QUESTION_MAX = 300;

    private final Supplier<Snapshot> content;
    private final Insights insights;

    public AskCommand(Supplier<Snapshot> content) {
        this(content, Insights.OFF);
    }

    /** Records each question (its words, never the asker) and the answers' feedback for {@code /insights}. */
    public AskCommand(Supplier<Snapshot> content, Insights insights) {
        this.content = content;
        this.insights = insights;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash(NAME, "Ask the workshop a question; the answer cites the sections it comes from")
                .addOptions(
                        new OptionData(OptionType.STRING, "question", "Your question, in your own words", true)
                                .setRequiredLength(QUESTION_MIN, QUESTION_MAX),
                        new OptionData(OptionType.BOOLEAN, "private", "Only you see the answer (default: everyone)"));
    }

    @Override
    public boolean repliesPrivately(Invocation invocation) {
        return invocation.option("private").map(Boolean::parseBoolean).orElse(false);
    }

    @Override
    public Reply handle(Invocation invocation) {
        String question = invocation.option("question").orElse("").strip();
        String problem = problem(question);
        if (problem != null) {
            return Messages.refusal(problem);
        }
        Snapshot snapshot = content.get();
        Library library = snapshot.library();
        AnswerFinder.Result result = AnswerFinder.ask(snapshot, question);
        String title = Fit.cut("Q: " + question, Messages.TITLE_MAX, "");
        String footer = (result.hybrid() ? "" : "Keyword search only (the language model is not loaded) · ")
                + "content " + library.shortVersion();
        EmbedBuilder embed = Messages.titled(title, null);
        List<Button> buttons = new ArrayList<>();
        if (result.answers().isEmpty()) {
            StringBuilder text = new StringBuilder("I found nothing in the workshop close to that question.");
            if (!result.nearest().isEmpty()) {
                text.append(" The nearest sections:");
                for (Section section : result.nearest()) {
                    text.append("\n• ").append(Markdown.link(library.displayTitle(section), section.url()));
                }
            }
            text.append("\nTry /search with a few of the words the workshop would use.");
            embed.setDescription(Fit.cut(text.toString(), Messages.DESCRIPTION_MAX, ""));
        } else {
            int share = (Messages.EMBED_TOTAL_MAX - title.length() - footer.length())
                    / result.answers().size();
            int n = 0;
            for (AnswerFinder.Answer answer : result.answers()) {
                Section section = answer.section();
                String page = library.page(section.pagePath()).map(Page::title).orElse(section.pagePath());
                String name = Fit.cut(
                        (++n) + ". " + library.displayTitle(section)
                                + (library.displayTitle(section).contains(page) ? "" : " · " + page),
                        Messages.FIELD_NAME_MAX,
                        "");
                String open = "\n" + Markdown.link("Read it on the site", section.url());
                int valueMax = Math.min(Messages.FIELD_VALUE_MAX, share - name.length());
                if (open.length() > valueMax / 2) {
                    open = "";
                }
                String extract = "> " + Markdown.snippet(answer.extract()).replace("\n", "\n> ");
                embed.addField(name, Fit.cut(extract, valueMax - open.length(), "") + open, false);
                buttons.add(Button.primary(
                        ButtonId.of(SectionCommand.NAME, library.version(), "full", library.handle(section), "open")
                                .encode(),
                        "Open section " + n));
            }
        }
        Optional<String> recorded = insights.asked(
                NAME,
                SearchIndex.analyze(question),
                result.answers().size(),
                result.best(),
                !result.answers().isEmpty());
        if (!result.answers().isEmpty() && recorded.isPresent()) {
            for (boolean helpful : new boolean[] {true, false}) {
                buttons.add(Button.secondary(
                        ButtonId.of(NAME, library.version(), "feedback", recorded.get(), helpful ? "yes" : "no")
                                .encode(),
                        helpful ? "Helpful" : "Not helpful"));
            }
        }
        embed.setFooter(Fit.cut(footer, Messages.FOOTER_MAX, ""));
        return repliesPrivately(invocation)
                ? Reply.privately(Messages.embed(embed, buttons))
                : Reply.visible(Messages.embed(embed, buttons));
    }

    @Override
    public Reply press(String customId, Caller caller) {
        Optional<ButtonId> id = ButtonId.parse(customId, 2);
        if (id.isEmpty() || !id.get().action().equals("feedback")) {
            return SlashCommand.super.press(customId, caller);
        }
        boolean helpful = id.get().arg(1).equals("yes");
        insights.feedback(id.get().arg(0), helpful);
        return Messages.refusal(
                helpful
                        ? "Thanks: noted that the answer helped."
                        : "Thanks: noted that the answer did not help. The organisers see which questions went unanswered.");
    }

    /** What is wrong with a question, or null: too short, too long, or no word the workshop could match. */
    static String problem(String question) {
        if (question.length() < QUESTION_MIN) {
            return "question: ask with at least " + QUESTION_MIN + " characters, for example "
                    + "“how do I install the tools?”";
        }
        if (question.length() > QUESTION_MAX) {
            return "question: " + question.length() + " characters is too long; ask in at most " + QUESTION_MAX
                    + " (one question at a time works best).";
        }
        if (SearchIndex.analyze(question).isEmpty()) {
            return "question: there is no word in it to look for (only question words, emoji or punctuation). "
                    + "Ask about something the workshop covers, for example “how do I install the tools?”";
        }
        return null;
    }
}
