package dev.workshopbot;

import dev.workshopbot.console.ExportJson;
import dev.workshopbot.content.ContentLoader;
import dev.workshopbot.content.Library;
import java.nio.file.Path;

public class App {
    public static void main(String[] args) {
        Library library = new ContentLoader("https://segunakinyemi.com/ai-interview-workshop").load(Path.of(args[1]));
        if (args[0].equals("export")) System.out.println(ExportJson.of(library));
        library.problems().forEach(System.err::println);
    }
}
