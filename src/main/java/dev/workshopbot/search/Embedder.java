package dev.workshopbot.search;

import java.util.List;

/** Turns texts into unit-length vectors, one per text, in order. */
public interface Embedder {

    /** Names the model, so that cached vectors of another model are never mixed in. */
    String model();

    int dimensions();

    List<float[]> embed(List<String> texts);
}
