import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The raw keep-alive driver of bench/compare.sh (its sustained mode): {@code connections} plain sockets held
 * open, each on its own thread writing one signed text callback (HTTP/1.1 POST, distinct message id, one of
 * 5,000 senders) and reading the whole response before it writes the next (not pipelined), first for the
 * warm-up and then for the measured run. No HTTP client library between the socket and the server: the
 * request bytes are prepared and signed before the clock starts, and the latency of a request is from its
 * first byte written to the last byte of its response read. A response that closes the connection is
 * counted and the connection opened again.
 * <p>{@code java bench/RawDriver.java <host> <port> <appSecret> <connections> <warmupSeconds> <seconds> [tag [pid]]}
 * (tag: a word that keeps this run's message ids apart from other runs' against the same database; pid: a
 * process on this machine, the server, whose CPU time during the measured run is reported)
 * <p>Prints, for the measured run, in the form bench/ingress.lua prints wrk's:
 * {@code requests:}, {@code acknowledged (200):}, {@code not acknowledged:}, {@code acknowledged per second:},
 * {@code latency p50 / p90 / p99 / p99.9} and {@code latency max:} in ms, {@code reconnects:}, then
 * {@code measured ns:} and, with a pid, {@code cpu ticks:} (its user and system time, in clock ticks).
 */
public class RawDriver {

    private static final byte[] CRLF2 = {'\r', '\n', '\r', '\n'};

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String secret = args[2];
        int connections = Integer.parseInt(args[3]);
        int warmupSeconds = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String tag = args.length > 6 ? args[6] : Long.toString(System.currentTimeMillis());
        Path watched = args.length > 7 ? Path.of("/proc", args[7], "stat") : null;

        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stopping = new AtomicBoolean();
        Connection[] drivers = new Connection[connections];
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            drivers[c] = new Connection(host, port, secret, tag, c, connections, measuring, stopping, done);
            Thread thread = new Thread(drivers[c], "raw-" + c);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(warmupSeconds * 1000L);
        long ticksBefore = cpuTicks(watched);
        long started = System.nanoTime();
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        stopping.set(true);
        long elapsed = System.nanoTime() - started;
        long ticks = cpuTicks(watched) - ticksBefore;
        // a connection waiting on a response that never comes is given up after 10 s
        boolean allDone = done.await(10, TimeUnit.SECONDS);

        long requests = 0;
        long acknowledged = 0;
        long reconnects = 0;
        int recorded = 0;
        for (Connection d : drivers) {
            requests += d.requests;
            acknowledged += d.acknowledged;
            reconnects += d.reconnects;
            recorded += d.count;
        }
        long[] latencies = new long[recorded];
        int at = 0;
        for (Connection d : drivers) {
            System.arraycopy(d.latencies, 0, latencies, at, d.count);
            at += d.count;
        }
        Arrays.sort(latencies);
        System.out.printf("requests:                %d%n", requests);
        System.out.printf("acknowledged (200):      %d%n", acknowledged);
        System.out.printf("not acknowledged:        %d%n", requests - acknowledged);
        System.out.printf("acknowledged per second: %.0f%n", acknowledged / (elapsed / 1e9));
        for (double p : new double[] {50, 90, 99, 99.9}) {
            System.out.printf("latency p%-5s           %.2f ms%n", p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p),
                    percentile(latencies, p) / 1e6);
        }
        System.out.printf("latency max:             %.2f ms%n", latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.printf("reconnects:              %d%n", reconnects);
        System.out.printf("measured ns:             %d%n", elapsed);
        if (watched != null) {
            System.out.printf("cpu ticks:               %d%n", ticks);
        }
        for (Connection d : drivers) {
            if (d.failure != null) {
                System.out.println("connection " + d.index + " stopped: " + d.failure);
            }
        }
        if (!allDone) {
            System.out.println("some connections were still waiting for a response 10 s after the run");
        }
        System.exit(0);
    }

    /** utime + stime of /proc/<pid>/stat (fields 14 and 15; the command name before them may hold spaces). */
    private static long cpuTicks(Path stat) throws IOException {
        if (stat == null) {
            return 0;
        }
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One keep-alive connection and its thread; the counters are read once its thread is done. */
    private static final class Connection implements Runnable {

        final int index;
        private final String host;
        private final int port;
        private final Mac mac;
        private final String tag;
        private final int connections;
        private final AtomicBoolean measuring;
        private final AtomicBoolean stopping;
        private final CountDownLatch done;
        private final byte[] buffer = new byte[8192];
        long requests;
        long acknowledged;
        long reconnects;
        long[] latencies = new long[1 << 16];
        int count;
        volatile String failure;
        private Socket socket;
        private OutputStream out;
        private InputStream in;
        private long sequence;
        private boolean closeAfter;

        Connection(String host, int port, String secret, String tag, int index, int connections,
                AtomicBoolean measuring, AtomicBoolean stopping, CountDownLatch done) throws Exception {
            this.host = host;
            this.port = port;
            this.tag = tag;
            this.index = index;
            this.connections = connections;
            this.measuring = measuring;
            this.stopping = stopping;
            this.done = done;
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }

        @Override
        public void run() {
            try {
                open();
                while (!stopping.get()) {
                    byte[] request = nextRequest();
                    boolean measured = measuring.get();
                    long start = System.nanoTime();
                    int status;
                    try {
                        out.write(request);
                        out.flush();
                        status = readResponse();
                    } catch (IOException e) {
                        if (measured) {
                            requests++;
                        }
                        reconnect();
                        continue;
                    }
                    long latency = System.nanoTime() - start;
                    if (closeAfter) {
                        reconnect();
                    }
                    if (measured && !stopping.get()) {
                        requests++;
                        if (status == 200) {
                            acknowledged++;
                        }
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = latency;
                    }
                }
            } catch (Exception e) {
                failure = e.toString();
            } finally {
                close();
                done.countDown();
            }
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        private void reconnect() throws IOException {
            close();
            reconnects++;
            if (!stopping.get()) {
                open();
            }
        }

        private byte[] nextRequest() {
            long n = sequence++ * connections + index;
            String sender = "4076" + String.format("%07d", n % 5000);
            byte[] body = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                    + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                    + "\"phone_number_id\":\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Guest " + n + "\"},"
                    + "\"wa_id\":\"" + sender + "\"}],\"messages\":[{\"from\":\"" + sender + "\",\"id\":\"wamid.raw" + tag + "."
                    + n + "\",\"timestamp\":\"1795536007\",\"type\":\"text\",\"text\":{\"body\":\"Is Casa Pescarului free from "
                    + "June 15 to June 20 for 2 people?\"}}]},\"field\":\"messages\"}]}]}").getBytes(StandardCharsets.UTF_8);
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
            byte[] head = ("POST /webhooks/whatsapp HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + "Content-Type: application/json\r\nX-Hub-Signature-256: " + signature + "\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + body.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return request;
        }

        /** Reads one response (status line, headers, a Content-Length or chunked body); returns its status. */
        private int readResponse() throws IOException {
            String headers = readHead();
            int status = Integer.parseInt(headers.substring(9, 12));
            String lower = headers.toLowerCase();
            long length = headerValue(lower, "content-length");
            if (lower.contains("\r\ntransfer-encoding: chunked")) {
                while (true) {
                    String size = readLine();
                    int semicolon = size.indexOf(';');
                    long chunk = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                    if (chunk == 0) {
                        while (!readLine().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(chunk);
                    readLine();
                }
            } else if (length > 0) {
                skip(length);
            } else if (length < 0 && status != 204 && status != 304 && !(status >= 100 && status < 200)) {
                // no length: the body runs to the end of the connection
                while (in.read(buffer) >= 0) {
                    // drain
                }
                throw new EOFException("response without a length");
            }
            closeAfter = lower.contains("\r\nconnection: close");
            return status;
        }

        private String readHead() throws IOException {
            StringBuilder head = new StringBuilder(256);
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                head.append((char) b);
                matched = b == CRLF2[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            return head.toString();
        }

        private String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, bytes));
                if (read < 0) {
                    throw new EOFException("connection closed");
                }
                bytes -= read;
            }
        }

        private static long headerValue(String lowerHead, String name) {
            int at = lowerHead.indexOf("\r\n" + name + ":");
            if (at < 0) {
                return -1;
            }
            int end = lowerHead.indexOf('\r', at + 2);
            return Long.parseLong(lowerHead.substring(at + name.length() + 3, end).trim());
        }
    }
}
