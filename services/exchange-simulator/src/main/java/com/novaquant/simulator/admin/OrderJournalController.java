package com.novaquant.simulator.admin;

import com.novaquant.simulator.application.OrderJournal;
import com.novaquant.simulator.application.OrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/orders}: every order request received on both venues, rejected ones included, so a test can prove
 * that a retry placed no second order.
 */
@RestController
class OrderJournalController {

    private final OrderService orders;
    private final OrderJournal journal;

    OrderJournalController(OrderService orders, OrderJournal journal) {
        this.orders = orders;
        this.journal = journal;
    }

    @GetMapping("/admin/orders")
    List<Map<String, Object>> orders() {
        return OrderJournalJson.rows(orders.allOrders(), journal.entries());
    }
}
