package com.tenx.skills.error;

/** One entry of an error body's {@code details}: which input field is wrong and how. */
public record FieldProblem(String field, String error) {
}
