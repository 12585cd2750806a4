package com.tenx.skills.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.tenx.skills.identity.HandleChangeCounter;
import com.tenx.skills.identity.HandleGrant;
import com.tenx.skills.identity.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rendering kept per handle: reused while the change counter stands, bounded in
 * memory.
 */
class SkillRenderingsTest {

    private final SkillQueries reads = mock(SkillQueries.class);

    private final HandleChangeCounter counter = mock(HandleChangeCounter.class);

    private final HandleGrant grant = new HandleGrant(1, "h1", UUID.randomUUID(), "a@example.com", Role.CREATOR, false,
            "req");

    private static SkillList listAt(long seq) {
        SkillView skill = new SkillView("crm-lookup", "CRM Lookup", "", "", "[]", "draft", "2026-05-08T10:30:00.000Z",
                null, seq);
        return new SkillList(List.of(skill), null, "c", null, "\"h" + seq + "\"", seq);
    }

    @Test
    void unchangedHandleIsReadOnceAndAChangeIsReadAgain() {
        SkillRenderings catalog = new SkillRenderings(reads, counter, JsonMapper.builder().build(),
                DataSize.ofMegabytes(1));
        when(reads.list(any(), isNull(), isNull())).thenReturn(listAt(5), listAt(6));
        when(counter.committed(1)).thenReturn(5L, 6L);

        catalog.current(grant);
        SkillRenderings.Rendered again = catalog.current(grant);
        SkillRenderings.Rendered changed = catalog.current(grant);

        assertThat(again.seq()).isEqualTo(5);
        assertThat(changed.seq()).isEqualTo(6);
        assertThat(changed.skills()).containsKey("crm-lookup");
        verify(reads, times(2)).list(any(), isNull(), isNull());
    }

    @Test
    void renderingsOverTheBudgetAreNotKept() {
        SkillRenderings catalog = new SkillRenderings(reads, counter, JsonMapper.builder().build(),
                DataSize.ofBytes(64));
        when(reads.list(any(), isNull(), isNull())).thenReturn(listAt(5));
        when(counter.committed(1)).thenReturn(5L);

        catalog.current(grant);
        catalog.current(grant);

        verify(reads, times(2)).list(any(), isNull(), isNull());
    }

}
