package dev.podlint.load;

/** An input that could not be read at all (missing, unreadable, a loop). */
public record InputProblem(String input, String message) {}
