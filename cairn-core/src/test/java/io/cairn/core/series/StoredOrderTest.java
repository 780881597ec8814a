package io.cairn.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredOrderTest {

    @Test
    void onlyTheTimesARunWentBackOverAreOutOfOrder() {
        StoredOrder order = new StoredOrder(100);
        order.append(200, 300);
        assertThat(order.inOrder(0, 1_000)).isTrue();
        order.append(250, 400);
        assertThat(order.inOrder(0, 249)).isTrue();
        assertThat(order.inOrder(240, 260)).isFalse();
        assertThat(order.inOrder(300, 300)).isFalse();
        assertThat(order.inOrder(301, 1_000)).isTrue();
        order.append(401, 500);
        assertThat(order.inOrder(301, 1_000)).isTrue();
    }

    @Test
    void aRunStartingAtTheLatestStoredTimeIsOutOfOrderThere() {
        StoredOrder order = new StoredOrder(Long.MIN_VALUE);
        order.append(10, 20);
        order.append(20, 30);
        assertThat(order.inOrder(20, 20)).isFalse();
        assertThat(order.inOrder(21, 30)).isTrue();
    }
}
