import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Push sync measured on two instances (bench/push.sh starts them): CLIENTS clients hold
 * {@code ?since=&wait=60} on each instance, WARMUP writes are made on the first and not
 * counted, then WRITES more, one every 3 s; prints p50/p99 from each write to the answers on
 * either instance (as the clients see it and as each server's {@code skills.push.delivery}
 * does), the memory of each instance while the clients wait, CPU per request, and the requests
 * per second against polling every second. The waiting clients are virtual threads (JDK 21+).
 *
 * <p>
 * {@code java [-Dpush.via=<balancer>] bench/PushClients.java <baseA> <baseB> <pidA> <pidB> <clients> <writes> [warmup]}
 * (with {@code push.via}, the clients and the writes go through the balancer).
 */
public class PushClients {

    static final HttpClient HTTP = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();

    static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([^\"]+)\"");

    static final int ROUNDS_MAX = 1000;

    static final AtomicLongArray sent = new AtomicLongArray(ROUNDS_MAX);

    /** When each write's answer came back: after its commit, so the commit lies between. */
    static final AtomicLongArray acknowledged = new AtomicLongArray(ROUNDS_MAX);

    static volatile int round = -1;

    static final ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>(); // {instance, round, nanos}

    static final AtomicLong requests = new AtomicLong();

    static final AtomicLong failures = new AtomicLong();

    static final Map<String, Integer> failureKinds = new java.util.concurrent.ConcurrentHashMap<>();

    static String token;

    static String handle;

    public static void main(String[] args) throws Exception {
        String[] bases = { args[0], args[1] };
        // -Dpush.via=<balancer>: every client and write goes through it; each instance is
        // still asked directly for its metrics and memory.
        String via = System.getProperty("push.via");
        String[] targets = via == null ? bases : new String[] { via, via };
        long[] pids = { Long.parseLong(args[2]), Long.parseLong(args[3]) };
        int clients = Integer.parseInt(args[4]);
        int writes = Integer.parseInt(args[5]);
        int warmup = args.length > 6 ? Integer.parseInt(args[6]) : 20;

        String admin = field(call("POST", bases[0], "/v2/auth/login", null,
                "{\"email\":\"bench-admin@bench.test\",\"password\":\"bench-admin-pass-4711\"}"), "accessToken");
        call("PUT", bases[0], "/v2/platform-admin/tenants/push-tenant", admin,
                "{\"plan\":\"growth\",\"features\":[\"growth_tools\"]}");
        handle = "push-bench";
        call("PUT", bases[0], "/v2/platform-admin/handles/" + handle, admin, "{\"tenantId\":\"push-tenant\"}");
        String user = call("POST", bases[0], "/v2/platform-admin/users", admin,
                "{\"email\":\"watcher@bench.test\",\"password\":\"watcher-password-4711\"}");
        String userId = field(user, "id");
        call("PUT", bases[0], "/v2/handles/" + handle + "/members/" + userId, admin, "{\"role\":\"CREATOR\"}");
        token = field(call("POST", bases[0], "/v2/auth/login", null,
                "{\"email\":\"watcher@bench.test\",\"password\":\"watcher-password-4711\"}"), "accessToken");
        write(targets[0], "start");
        String cursor = cursorOf(call("GET", targets[0], "/v2/handles/" + handle + "/skills", token, null));

        System.out.printf(via == null ? "holding %d clients on each instance (wait=60)%n"
                : "holding %d clients twice through the balancer at " + via + " (wait=60)%n", clients);
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < clients; c++) {
                poll(i, targets[i], cursor);
                if (c % 10 == 9) {
                    Thread.sleep(100); // a ramp, not a thundering herd at start
                }
            }
        }
        Thread.sleep(10000);
        String[] idleMemory = { memory(bases[0], pids[0]), memory(bases[1], pids[1]) };
        long idleRequests = requests.get();
        Thread.sleep(10000);
        double idleRate = (requests.get() - idleRequests) / 10.0;

        // The same writes first, not counted: the JIT compiles the answer path meanwhile,
        // which on a cold instance takes more CPU than the answers themselves.
        System.out.printf("warming up: %d writes, one every 3 s%n", warmup);
        for (int w = 0; w < warmup; w++) {
            write(targets[0], "warm-up " + w);
            Thread.sleep(3000);
        }
        long windowStart = System.nanoTime();
        long requestsBefore = requests.get();
        String[] metricsBefore = { metrics(bases[0]), metrics(bases[1]) };
        double[] cpuBefore = { cpuSeconds(pids[0]), cpuSeconds(pids[1]), cpuSeconds(ProcessHandle.current().pid()) };
        List<Long> writeMillis = new ArrayList<>();
        for (int r = 0; r < writes; r++) {
            long start = System.nanoTime();
            sent.set(r, start);
            round = r;
            write(targets[0], "round " + r);
            acknowledged.set(r, System.nanoTime());
            writeMillis.add((acknowledged.get(r) - start) / 1_000_000);
            Thread.sleep(3000);
        }
        double seconds = (System.nanoTime() - windowStart) / 1e9;
        long windowRequests = requests.get() - requestsBefore;
        double rate = windowRequests / seconds;
        double[] cpu = { cpuSeconds(pids[0]) - cpuBefore[0], cpuSeconds(pids[1]) - cpuBefore[1],
                cpuSeconds(ProcessHandle.current().pid()) - cpuBefore[2] };
        String[] metricsAfter = { metrics(bases[0]), metrics(bases[1]) };
        String[] busyMemory = { memory(bases[0], pids[0]), memory(bases[1], pids[1]) };

        for (int i = 0; i < 2; i++) {
            List<Long> micros = new ArrayList<>();
            List<Long> afterAck = new ArrayList<>();
            int[] perRound = new int[writes];
            for (long[] answer : answers) {
                if (answer[0] == i && answer[1] >= 0 && answer[1] < writes) {
                    micros.add((answer[2] - sent.get((int) answer[1])) / 1000);
                    afterAck.add((answer[2] - acknowledged.get((int) answer[1])) / 1000);
                    perRound[(int) answer[1]]++;
                }
            }
            Collections.sort(micros);
            Collections.sort(afterAck);
            int complete = 0;
            for (int n : perRound) {
                complete += n >= clients ? 1 : 0;
            }
            String who = via != null
                    ? (i == 0 ? "first" : "second") + " half of the clients (through the balancer, as the writes)"
                    : i == 0 ? "instance A (same instance as the write)" : "instance B (other instance than the write)";
            System.out.printf("%s: %d answers to %d writes, every client answered in %d of %d rounds;"
                    + " from write sent to answer p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", who,
                    micros.size(), writes, complete, writes,
                    pct(micros, 50), pct(micros, 99), micros.isEmpty() ? 0 : micros.get(micros.size() - 1) / 1000.0);
            System.out.printf("  from the write's answer to the answer p50 %.1f ms, p99 %.1f ms (the commit falls between"
                    + " the write sent and its answer, so commit to answer lies between the two figures)%n",
                    pct(afterAck, 50), pct(afterAck, 99));
        }
        for (int i = 0; i < 2; i++) {
            TreeMap<Double, Double> buckets = deliveryBuckets(metricsAfter[i]);
            deliveryBuckets(metricsBefore[i]).forEach((le, n) -> buckets.merge(le, -n, Double::sum));
            System.out.printf("instance %s, measured inside (skills.push.delivery: from learning of the change to the"
                    + " answer written): p50 ≤ %.0f ms, p99 ≤ %.0f ms over %.0f answers%n", i == 0 ? "A" : "B",
                    quantile(buckets, 0.5), quantile(buckets, 0.99), buckets.lastEntry().getValue());
        }
        Collections.sort(writeMillis);
        System.out.printf("the write itself (PUT, sent to answered): p50 %d ms, max %d ms%n",
                writeMillis.get(writeMillis.size() / 2), writeMillis.get(writeMillis.size() - 1));
        System.out.printf("memory while %d clients wait on each: A %s; B %s (after the writes: A %s; B %s)%n", clients,
                idleMemory[0], idleMemory[1], busyMemory[0], busyMemory[1]);
        double polling = 2.0 * clients;
        System.out.printf("requests/s of the %d clients: %.1f idle, %.1f with one change every 3 s;"
                + " polling every second: %.0f; saved: %.0f/s idle (%.1f%%), %.0f/s with changes (%.1f%%)%n",
                2 * clients, idleRate, rate, polling, polling - idleRate, 100 * (polling - idleRate) / polling,
                polling - rate, 100 * (polling - rate) / polling);
        System.out.printf("CPU during the %.0f s of writes: A %.1f s, B %.1f s, these clients %.1f s (of %.0f s on %d cores);"
                + " %.2f ms of server CPU per client request%n", seconds, cpu[0], cpu[1], cpu[2], seconds,
                Runtime.getRuntime().availableProcessors(),
                1000 * (cpu[0] + cpu[1]) / Math.max(1, windowRequests));
        System.out.printf("failed requests (retried after 2-4 s): %d %s%n", failures.get(), failureKinds);
        System.exit(0);
    }

    /**
     * One waiting client: a virtual thread on its own keep-alive connection, asking again
     * as soon as it is answered. Plain HTTP/1.1 over a socket, so the client side costs
     * little beside the servers on the same cores.
     */
    static void poll(int instance, String base, String firstCursor) {
        URI uri = URI.create(base);
        Thread.ofVirtual().start(() -> {
            String cursor = firstCursor;
            Socket socket = null;
            InputStream in = null;
            while (true) {
                try {
                    if (socket == null) {
                        socket = new Socket(uri.getHost(), uri.getPort());
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(90_000);
                        in = new java.io.BufferedInputStream(socket.getInputStream());
                    }
                    requests.incrementAndGet();
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /v2/handles/" + handle + "/skills?since=" + cursor + "&wait=60 HTTP/1.1\r\n"
                            + "Host: " + uri.getAuthority() + "\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    String[] response = read(in);
                    long now = System.nanoTime();
                    if (!response[0].equals("200")) {
                        throw new IllegalStateException(
                                response[0] + " " + response[1].replaceAll(".*\"error\":\"([^\"]+)\".*", "$1"));
                    }
                    if (!response[1].startsWith("{\"skills\":[]")) {
                        answers.add(new long[] { instance, round, now });
                    }
                    cursor = cursorOf(response[1]);
                    if (response[2] != null) {
                        // The server ends a keep-alive connection after so many requests
                        // (Tomcat's maxKeepAliveRequests) and says so: open the next one.
                        socket.close();
                        socket = null;
                    }
                }
                catch (IOException | RuntimeException e) {
                    failures.incrementAndGet();
                    failureKinds.merge(e instanceof IllegalStateException ? e.getMessage() : e.getClass().getSimpleName(),
                            1, Integer::sum);
                    try {
                        if (socket != null) {
                            socket.close();
                        }
                        socket = null;
                        Thread.sleep(2000 + (long) (Math.random() * 2000));
                    }
                    catch (IOException | InterruptedException ignored) {
                        return;
                    }
                }
            }
        });
    }

    /**
     * Status and body of one HTTP/1.1 response, with a length or chunked, and (third) the
     * value of {@code Connection: close} when the server ends the connection after it.
     */
    static String[] read(InputStream in) throws IOException {
        String status = line(in).split(" ")[1];
        int length = -1;
        boolean chunked = false;
        String close = null;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("connection:") && lower.contains("close")) {
                close = "close";
            }
            else if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).strip());
            }
            else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
            line(in);
        }
        else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        return new String[] { status, body.toString(StandardCharsets.UTF_8), close };
    }

    static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static void write(String base, String description) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                call("PUT", base, "/v2/handles/" + handle + "/skills/watched", token,
                        "{\"displayName\":\"Watched\",\"description\":\"" + description + "\"}");
                return;
            }
            catch (IllegalStateException e) {
                System.out.println("write retried: " + e.getMessage());
                Thread.sleep(200);
            }
        }
        call("PUT", base, "/v2/handles/" + handle + "/skills/watched", token,
                "{\"displayName\":\"Watched\",\"description\":\"" + description + "\"}");
    }

    static String memory(String base, long pid) throws Exception {
        String metrics = metrics(base);
        double heap = 0;
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)$")
            .matcher(metrics);
        while (m.find()) {
            heap += Double.parseDouble(m.group(1));
        }
        String rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
            }
        }
        return String.format("heap %.0f MB, RSS %s MB", heap / 1e6, rss);
    }

    /** User and system CPU time of a process, from /proc (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static String metrics(String base) throws Exception {
        return call("GET", base, "", null, null, managementUrl(base));
    }

    /** The cumulative buckets of the delivery histogram, by upper bound in seconds. */
    static TreeMap<Double, Double> deliveryBuckets(String metrics) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Matcher m = Pattern.compile("(?m)^skills_push_delivery_seconds_bucket\\{[^}]*le=\"([^\"]+)\"[^}]*\\} ([0-9.eE+]+)$")
            .matcher(metrics);
        while (m.find()) {
            double le = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
            buckets.merge(le, Double.parseDouble(m.group(2)), Double::sum);
        }
        return buckets;
    }

    /** The upper bound, in milliseconds, of the bucket holding quantile {@code q}. */
    static double quantile(TreeMap<Double, Double> buckets, double q) {
        double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (total > 0 && bucket.getValue() >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.NaN;
    }

    static String managementUrl(String base) {
        Matcher m = Pattern.compile("^(.*):(\\d+)$").matcher(base);
        m.find();
        return m.group(1) + ":" + (Integer.parseInt(m.group(2)) + 100) + "/actuator/prometheus";
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    static String call(String method, String base, String path, String bearer, String json) throws Exception {
        return call(method, base, path, bearer, json, base + path);
    }

    static String call(String method, String base, String path, String bearer, String json, String url)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String cursorOf(String body) {
        Matcher m = CURSOR.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no cursor in " + body);
        }
        return m.group(1);
    }

    static String field(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + body);
        }
        return m.group(1);
    }

}
