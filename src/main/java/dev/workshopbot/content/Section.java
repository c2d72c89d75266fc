package dev.workshopbot.content;

import java.util.List;

/**
 * A heading and the blocks up to the next heading. {@code id} is the anchor the published site uses;
 * {@code key} is unique across the whole workshop (the id itself unless another page has it too).
 */
public record Section(
        String id,
        String key,
        String title,
        int level,
        String parent,
        int line,
        String summary,
        int words,
        String pagePath,
        String url,
        List<Block> blocks) {

    public Section {
        blocks = List.copyOf(blocks);
    }

    Section withKey(String key) {
        return new Section(id, key, title, level, parent, line, summary, words, pagePath, url, blocks);
    }

    Section withBlocks(List<Block> blocks) {
        return new Section(id, key, title, level, parent, line, summary, words, pagePath, url, blocks);
    }
}
