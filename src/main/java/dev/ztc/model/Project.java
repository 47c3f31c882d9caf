package dev.ztc.model;

import java.nio.file.Path;
import java.util.List;

/** Everything one project directory states: the input of the compiler. */
public record Project(Path directory, Inventory inventory, Matrix matrix, List<Request> requests,
                      Settings settings, Catalog catalog) {
    public Project {
        requests = List.copyOf(requests);
    }
}
