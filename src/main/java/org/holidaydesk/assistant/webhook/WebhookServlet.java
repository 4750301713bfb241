package org.holidaydesk.assistant.webhook;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.component.direct.DirectConsumerNotAvailableException;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's webhook address, {@value #PATH}, handing each request to its route in {@code webhook.camel.yaml} on
 * the request's own thread: the subscription check (GET) to {@value #VERIFY}, a callback (POST) to
 * {@value #INGRESS}, whose steps decide the answer; this servlet only carries bytes between HTTP and the route.
 * The body is read once, into an array of its announced size ({@code max-body-bytes} + 1 at most; a body
 * announced as larger is left unread for the route to refuse). Camel's platform-http would run the route on
 * another thread through Spring MVC's asynchronous dispatch and copy the body twice on its way: under load
 * that was a third of the service's CPU per acknowledged callback.
 */
final class WebhookServlet extends HttpServlet {

    static final String PATH = "/webhooks/whatsapp";
    /** The route of the subscription check. */
    public static final String VERIFY = "direct:webhook-verify";
    /** The route of a callback. */
    public static final String INGRESS = "direct:webhook-ingress";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServlet.class);
    private static final String[] QUERY_HEADERS = {"hub.mode", "hub.verify_token", "hub.challenge"};

    private final transient CamelContext camel;
    private final long maxBodyBytes;
    private final transient Map<String, Route> routes = new ConcurrentHashMap<>();

    WebhookServlet(CamelContext camel, long maxBodyBytes) {
        this.camel = camel;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A route's endpoint and a started producer for it (a direct producer serves any number of threads). */
    private record Route(Endpoint endpoint, Producer producer) {}

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange exchange = route(VERIFY).endpoint().createExchange(ExchangePattern.InOut);
        Message in = exchange.getIn();
        for (String name : QUERY_HEADERS) {
            String value = request.getParameter(name);
            if (value != null) {
                in.setHeader(name, value);
            }
        }
        run(route(VERIFY), exchange, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Exchange exchange = route(INGRESS).endpoint().createExchange(ExchangePattern.InOut);
        Message in = exchange.getIn();
        long announced = request.getContentLengthLong();
        if (announced >= 0) {
            in.setHeader("Content-Length", announced);
        }
        in.setHeader(CallbackGate.SIGNATURE_HEADER, request.getHeader(CallbackGate.SIGNATURE_HEADER));
        if (announced <= maxBodyBytes) {
            in.setBody(read(request.getInputStream(), announced));
        }
        run(route(INGRESS), exchange, response);
    }

    /** The body as sent: its announced length, or up to one byte over the limit when no length was announced. */
    private byte[] read(InputStream body, long announced) throws IOException {
        if (announced < 0) {
            return body.readNBytes((int) (maxBodyBytes + 1));
        }
        byte[] bytes = new byte[(int) announced];
        int read = body.readNBytes(bytes, 0, bytes.length);
        return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
    }

    private void run(Route route, Exchange exchange, HttpServletResponse response) throws IOException {
        try {
            route.producer().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        Message out = exchange.getMessage();
        Exception failure = exchange.getException();
        if (failure != null) {
            // the routes answer every refusal themselves; what is left is a fault, never shown to the caller
            boolean starting = failure instanceof DirectConsumerNotAvailableException;
            if (!starting) {
                LOG.warn("Webhook request failed: {}", failure.toString());
            }
            write(response, starting ? 503 : 500, "text/plain", starting ? "starting" : "internal error");
            return;
        }
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Object body = out.getBody();
        String text = body == null ? "" : body instanceof String s ? s : out.getBody(String.class);
        write(response, status == null ? 200 : status, out.getHeader(Exchange.CONTENT_TYPE, String.class), text);
    }

    private static void write(HttpServletResponse response, int status, String contentType, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
            response.setCharacterEncoding(StandardCharsets.UTF_8);
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The route's producer, started on the first request (the routes start after the web server). */
    private Route route(String uri) {
        return routes.computeIfAbsent(uri, this::start);
    }

    private Route start(String uri) {
        try {
            Endpoint endpoint = camel.getEndpoint(uri);
            Producer producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
            return new Route(endpoint, producer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach " + uri, e);
        }
    }

    @Override
    public void destroy() {
        routes.values().forEach(route -> ServiceHelper.stopService(route.producer()));
    }
}
