import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Steady traffic for deploy/container-check: reader and writer clients against one base URL
 * (the load balancer), each client on its own keep-alive connection, no retries. Runs until the
 * stop file appears (or the time limit passes), then writes every request's outcome and every
 * acknowledged write, and prints the counts.
 *
 * <pre>
 * java deploy/LoadClients.java BASE_URL TOKEN HANDLE READ_KEY OUT_DIR STOP_FILE
 *     [readers=4] [writers=2] [pauseMs=5] [maxSeconds=600]
 * </pre>
 *
 * Readers alternate the handle's list and one skill (READ_KEY). Writer w PUTs the skills
 * {@code load-w<w>-<n>}: a new key every other request, otherwise again the newest key with a new
 * displayName, so the final state holds creates and updates. OUT_DIR gets {@code requests.tsv}
 * (start ms, client, method, path, status or exception, milliseconds) and {@code writes.tsv}
 * (key, the last displayName acknowledged for it, and "unsure" when a later PUT of that key
 * failed, so either name may be stored). Exit status 0 when every request succeeded.
 */
public class LoadClients {

	record Outcome(long startMs, String client, String method, String path, String status, long millis) {
	}

	static final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

	static final Map<String, String[]> writes = new TreeMap<>();

	static final AtomicBoolean stop = new AtomicBoolean();

	static String base;

	static String token;

	public static void main(String[] args) throws Exception {
		base = args[0];
		token = args[1];
		String handle = args[2];
		String readKey = args[3];
		Path out = Path.of(args[4]);
		Path stopFile = Path.of(args[5]);
		int readers = args.length > 6 ? Integer.parseInt(args[6]) : 4;
		int writers = args.length > 7 ? Integer.parseInt(args[7]) : 2;
		long pauseMs = args.length > 8 ? Long.parseLong(args[8]) : 5;
		long maxSeconds = args.length > 9 ? Long.parseLong(args[9]) : 600;
		Files.createDirectories(out);

		List<Thread> threads = new ArrayList<>();
		for (int r = 1; r <= readers; r++) {
			String name = "reader-" + r;
			threads.add(new Thread(() -> reader(name, handle, readKey, pauseMs), name));
		}
		for (int w = 1; w <= writers; w++) {
			int id = w;
			threads.add(new Thread(() -> writer(id, handle, pauseMs), "writer-" + w));
		}
		threads.forEach(Thread::start);
		long deadline = System.currentTimeMillis() + maxSeconds * 1000;
		while (!Files.exists(stopFile) && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		stop.set(true);
		for (Thread thread : threads) {
			thread.join();
		}

		Map<String, Integer> byStatus = new TreeMap<>();
		int failed = 0;
		long slowest = 0;
		try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("requests.tsv")))) {
			for (Outcome o : outcomes) {
				log.printf("%d\t%s\t%s\t%s\t%s\t%d%n", o.startMs, o.client, o.method, o.path, o.status, o.millis);
				byStatus.merge(o.status, 1, Integer::sum);
				if (!o.status.startsWith("2")) {
					failed++;
				}
				slowest = Math.max(slowest, o.millis);
			}
		}
		try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("writes.tsv")))) {
			synchronized (writes) {
				writes.forEach((key, value) -> log.printf("%s\t%s\t%s%n", key, value[0], value[1]));
			}
		}
		System.out.printf("requests: %d total, %d failed; by status: %s; slowest %d ms; acknowledged skills: %d%n",
				outcomes.size(), failed, byStatus, slowest, writes.size());
		System.exit(failed == 0 ? 0 : 1);
	}

	static void reader(String name, String handle, String readKey, long pauseMs) {
		HttpClient http = client();
		String list = "/v2/handles/" + handle + "/skills";
		String one = list + "/" + readKey;
		for (long n = 0; !stop.get(); n++) {
			send(http, name, "GET", (n % 2 == 0) ? list : one, null);
			pause(pauseMs);
		}
	}

	static void writer(int id, String handle, long pauseMs) {
		HttpClient http = client();
		String name = "writer-" + id;
		int key = 0;
		for (long n = 0; !stop.get(); n++) {
			if (n % 2 == 0) {
				key++;
			}
			String skillKey = "load-w" + id + "-" + key;
			String displayName = "Load " + id + "-" + key + " rev " + n;
			String body = "{\"displayName\":\"" + displayName + "\",\"description\":\"Written under load.\","
					+ "\"tools\":[{\"type\":\"http\",\"name\":\"lookup\",\"config\":{\"url\":\"https://api.example.com/x\"}}]}";
			boolean ok = send(http, name, "PUT", "/v2/handles/" + handle + "/skills/" + skillKey, body);
			synchronized (writes) {
				String[] known = writes.get(skillKey);
				if (ok) {
					writes.put(skillKey, new String[] { displayName, "sure" });
				}
				else if (known != null) {
					known[1] = "unsure";
				}
				else {
					writes.put(skillKey, new String[] { "", "unsure" });
				}
			}
			pause(pauseMs);
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** One request, no retry; true when the answer was 2xx. */
	static boolean send(HttpClient http, String client, String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		long start = System.currentTimeMillis();
		long t0 = System.nanoTime();
		String status;
		try {
			HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
			status = Integer.toString(response.statusCode());
		}
		catch (IOException ex) {
			status = "error:" + ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			status = "error:interrupted";
		}
		outcomes.add(new Outcome(start, client, method, path, status, (System.nanoTime() - t0) / 1_000_000));
		return status.startsWith("2");
	}

	static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
