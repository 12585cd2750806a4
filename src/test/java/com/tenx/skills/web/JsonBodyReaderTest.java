package com.tenx.skills.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tenx.skills.error.ContractException;
import com.tenx.skills.error.ErrorCode;
import com.tenx.skills.error.FieldProblem;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a body's problems become the contract's answer: every wrong field at once, each
 * named by its path, its code from {@link RejectedAs}, the first in field order deciding
 * between codes.
 */
class JsonBodyReaderTest {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    private final JsonBodyReader reader = new JsonBodyReader(JsonMapper.shared(), VALIDATION.getValidator());

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    record Item(@RejectedAs(ErrorCode.INVALID_TOOL_NAME) @Pattern(regexp = "[a-z]+") String name,
            @StorableJson ObjectNode config) {
    }

    @RejectedAs(ErrorCode.INVALID_RUNTIME)
    record Body(@RejectedAs(ErrorCode.INVALID_IMAGE_REF) @NotNull String first, @Size(max = 2) List<String> tags,
            @NotNull Integer count, @RejectedAs(ErrorCode.INVALID_TOOLS) List<@Valid Item> items) {
    }

    private ContractException refused(String json) {
        return catchThrowableOfType(ContractException.class,
                () -> reader.read(json.getBytes(StandardCharsets.UTF_8), "application/json", Body.class));
    }

    private static List<String> fields(ContractException e) {
        return e.details().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidBodyIsBound() {
        Body body = reader
            .read("{\"first\":\"a\",\"tags\":[\"x\"],\"count\":3,\"items\":[{\"name\":\"ok\"}],\"other\":1}"
                .getBytes(StandardCharsets.UTF_8), "application/json", Body.class);

        assertThat(body.first()).isEqualTo("a");
        assertThat(body.tags()).containsExactly("x");
        assertThat(body.count()).isEqualTo(3);
        assertThat(body.items()).extracting(Item::name).containsExactly("ok");
    }

    @Test
    void everyWrongTypeAndRuleOfOneCodeIsListedAtOnceInFieldOrder() {
        ContractException e = refused("{\"first\":\"a\",\"tags\":[\"x\",5,\"z\"],\"count\":\"3\"}");

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_RUNTIME);
        assertThat(fields(e)).containsExactly("tags[1]", "count");
        assertThat(e.details().get(0).error()).isEqualTo("must be a string");
        assertThat(e.details().get(1).error()).isEqualTo("must be an integer");
    }

    @Test
    void aFieldThatCannotBeBoundBreaksNoRule() {
        ContractException e = refused("{\"first\":\"a\",\"count\":1.5}");

        assertThat(e.details()).containsExactly(new FieldProblem("count", "must be an integer"));
    }

    @Test
    void theFirstProblemInFieldOrderDecidesTheCode() {
        ContractException imageFirst = refused("{\"tags\":[1,2,3],\"items\":[{\"name\":\"A\"}]}");
        assertThat(imageFirst.code()).isEqualTo(ErrorCode.INVALID_IMAGE_REF);
        assertThat(fields(imageFirst)).containsExactly("first");

        ContractException itemLast = refused(
                "{\"first\":\"a\",\"count\":1,\"items\":[{\"name\":\"ok\"},{\"name\":\"B\"}]}");
        assertThat(itemLast.code()).isEqualTo(ErrorCode.INVALID_TOOL_NAME);
        assertThat(fields(itemLast)).containsExactly("items[1].name");
    }

    @Test
    void aProblemInsideAFieldTakesTheInnermostCode() {
        ContractException notAnObject = refused("{\"first\":\"a\",\"count\":1,\"items\":[5]}");
        assertThat(notAnObject.code()).isEqualTo(ErrorCode.INVALID_TOOLS);
        assertThat(notAnObject.details()).containsExactly(new FieldProblem("items[0]", "must be an object"));

        ContractException nul = refused("{\"first\":\"a\",\"count\":1,\"items\":[{\"config\":{\"k\":\"\\u0000\"}}]}");
        assertThat(nul.code()).isEqualTo(ErrorCode.INVALID_TOOLS);
        assertThat(fields(nul)).containsExactly("items[0].config");
    }

    @Test
    void unstorableStringsAndNullItemsAreRefusedAsTheyAreRead() {
        ContractException e = refused("{\"first\":\"a\\u0000\",\"tags\":[null],\"count\":1}");

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_IMAGE_REF);
        assertThat(e.details())
            .containsExactly(new FieldProblem("first", "must not contain NUL characters or unpaired surrogates"));
        assertThat(fields(refused("{\"first\":\"a\",\"tags\":[null],\"count\":1}"))).containsExactly("tags[0]");
    }

    @Test
    void aBodyThatIsNotAnObjectIsInvalidRequestAndNoBodyIsAnEmptyObject() {
        assertThat(refused("[]").code()).isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(refused("{").code()).isEqualTo(ErrorCode.INVALID_JSON);
        ContractException empty = catchThrowableOfType(ContractException.class,
                () -> reader.read(null, null, Body.class));
        assertThat(fields(empty)).containsExactly("first");
    }

}
