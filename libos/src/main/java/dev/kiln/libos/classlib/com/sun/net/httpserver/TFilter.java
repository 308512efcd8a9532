package dev.kiln.libos.classlib.com.sun.net.httpserver;

import java.io.IOException;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.function.Consumer;

/** com.sun.net.httpserver.Filter in native images: pre- and post-processing around a context's handler. */
public abstract class TFilter {
    protected TFilter() {
    }

    public abstract void doFilter(THttpExchange exchange, Chain chain) throws IOException;

    public abstract String description();

    /** The filters still to run for an exchange, then the handler. */
    public static class Chain {
        private final ListIterator<TFilter> iter;
        private final THttpHandler handler;

        public Chain(List<TFilter> filters, THttpHandler handler) {
            this.iter = filters.listIterator();
            this.handler = handler;
        }

        public void doFilter(THttpExchange exchange) throws IOException {
            if (!iter.hasNext()) {
                handler.handle(exchange);
            } else {
                TFilter f = iter.next();
                f.doFilter(exchange, this);
            }
        }
    }

    public static TFilter beforeHandler(String description, Consumer<THttpExchange> operation) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(operation);
        return new TFilter() {
            @Override
            public void doFilter(THttpExchange exchange, Chain chain) throws IOException {
                operation.accept(exchange);
                chain.doFilter(exchange);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    public static TFilter afterHandler(String description, Consumer<THttpExchange> operation) {
        Objects.requireNonNull(description);
        Objects.requireNonNull(operation);
        return new TFilter() {
            @Override
            public void doFilter(THttpExchange exchange, Chain chain) throws IOException {
                chain.doFilter(exchange);
                operation.accept(exchange);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
