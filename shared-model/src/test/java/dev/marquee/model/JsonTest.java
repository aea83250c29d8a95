package dev.marquee.model;

import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import org.junit.jupiter.api.Test;

/** The mapper both sides use. */
class JsonTest {

    @Test
    void aBufferOneThreadGaveBackIsTheNextThreadsSoNoThreadKeepsItsOwn() throws Exception {
        RecyclerPool<BufferRecycler> pool = Json.newMapper().getFactory()._getRecyclerPool();
        BufferRecycler[] used = new BufferRecycler[2];
        for (int i = 0; i < used.length; i++) {
            int slot = i;
            Thread.ofVirtual().start(() -> {
                used[slot] = pool.acquireAndLinkPooled();
                used[slot].releaseToPool();
            }).join();
        }
        assertSame(used[0], used[1]);
    }
}
