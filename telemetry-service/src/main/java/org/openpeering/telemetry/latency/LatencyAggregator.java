package org.openpeering.telemetry.latency;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.HdrHistogram.Histogram;
import org.openpeering.proto.telemetry.v1.LatencySample;
import org.openpeering.proto.telemetry.v1.UploadSummary;
import org.openpeering.telemetry.collector.CollectorConfig;
import org.openpeering.telemetry.protocol.Prefix;
import org.openpeering.telemetry.watch.WatchList;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Accepts samples (after {@link SampleRules}), attributes each to the watched customer prefix covering its client
 * (the activated prefixes prefix-service watches), and records it in the in-memory histogram of its (reported prefix,
 * location, minute). {@link #drain()} hands the accumulated minutes over for writing; a sample that arrives during
 * a drain lands in the next one (never lost, never counted twice).
 */
@ApplicationScoped
public class LatencyAggregator {

    /**
     * HdrHistogram precision: values keep 2 significant decimal digits (a bucket is at most 1 % wide). With RTTs from
     * 1 µs to 10 s that is 2,304 counters per histogram; 3 digits would take 15,360, and merging 30 days of hours
     * for a report costs in proportion.
     */
    public static final int DIGITS = 2;
    /** Microseconds: RTTs up to 10 s are tracked. */
    public static final long HIGHEST_US = 10_000_000L;

    /** One (reported prefix, edge location, minute) aggregate. */
    public record Key(Prefix prefix, String location, long epochMinute) {
    }

    /**
     * Samples of one key: the RTTs (µs) as they came and the losses. A histogram is built only when the minute is
     * written: a full-range histogram takes about 120 KB, a minute of one prefix usually a few samples.
     */
    public static final class Bucket {
        /** The first RTT (most minutes of a prefix hold one sample); the others, when there are, in {@code more}. */
        private int first;
        private int[] more;
        private int size;
        long losses;

        synchronized void record(LatencySample s) {
            if (s.getLoss()) {
                losses++;
                return;
            }
            append((int) Math.max(1, Math.min(HIGHEST_US, Math.round(s.getRttMs() * 1000))));
        }

        private void append(int rtt) {
            if (size == 0) {
                first = rtt;
            } else {
                if (more == null) {
                    more = new int[4];
                } else if (size - 1 == more.length) {
                    more = java.util.Arrays.copyOf(more, more.length * 2);
                }
                more[size - 1] = rtt;
            }
            size++;
        }

        synchronized void add(Bucket other) {
            synchronized (other) {
                for (int i = 0; i < other.size; i++) {
                    append(i == 0 ? other.first : other.more[i - 1]);
                }
                losses += other.losses;
            }
        }

        /** Records the RTTs into the (reset) histogram. */
        public synchronized void into(Histogram h) {
            for (int i = 0; i < size; i++) {
                h.recordValue(i == 0 ? first : more[i - 1]);
            }
        }

        public synchronized int samples() {
            return size;
        }

        public synchronized long losses() {
            return losses;
        }
    }

    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_US, DIGITS);
    }

    private final WatchList watches;
    private final EdgeLocations edges;
    private final long retentionMillis;
    private final MeterRegistry meters;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private ConcurrentHashMap<Key, Bucket> buckets = new ConcurrentHashMap<>();

    public LatencyAggregator(WatchList watches, CollectorConfig config, MeterRegistry meters) {
        this.watches = watches;
        this.edges = EdgeLocations.parse(config.latency().edges().orElse(""));
        this.retentionMillis = config.latency().minuteRetention().toMillis();
        this.meters = meters;
    }

    public EdgeLocations edges() {
        return edges;
    }

    /** Records the acceptable samples of a batch (its location applies to samples without one). */
    public void ingest(org.openpeering.proto.telemetry.v1.LatencySampleBatch batch, long nowMillis,
            UploadSummary.Builder summary) {
        ingest(batch.getSamplesList(), batch.getLocation(), nowMillis, summary);
    }

    /** Records the acceptable samples; the summary counts accepted, losses and refusals per reason. */
    public void ingest(List<LatencySample> samples, long nowMillis, UploadSummary.Builder summary) {
        ingest(samples, "", nowMillis, summary);
    }

    private void ingest(List<LatencySample> samples, String defaultLocation, long nowMillis,
            UploadSummary.Builder summary) {
        Map<String, Long> rejected = new HashMap<>();
        long accepted = 0;
        long losses = 0;
        lock.readLock().lock();
        try {
            ConcurrentHashMap<Key, Bucket> into = buckets;
            String lastName = null;
            String lastLocation = null;
            for (LatencySample s : samples) {
                String name = s.getLocation().isEmpty() ? defaultLocation : s.getLocation();
                // consecutive samples usually name the same location: resolved once
                String location = name.equals(lastName) ? lastLocation : edges.location(name);
                lastName = name;
                lastLocation = location;
                String reason;
                Prefix customer = null;
                if (location == null) {
                    reason = SampleRules.UNKNOWN_LOCATION;
                } else {
                    reason = SampleRules.check(s.getLoss(), s.getRttMs(), s.getTimestampMillis(), nowMillis,
                            retentionMillis);
                }
                if (reason == null) {
                    Prefix client = s.getClientAddress().isEmpty() ? SampleRules.client(s.getClient())
                            : SampleRules.client(s.getClientAddress().toByteArray());
                    if (client == null) {
                        reason = SampleRules.MALFORMED;
                    } else {
                        customer = watches.longestMatch(client);
                        if (customer == null) {
                            reason = SampleRules.CLIENT_OUTSIDE_PREFIXES;
                        }
                    }
                }
                if (reason != null) {
                    rejected.merge(reason, 1L, Long::sum);
                    continue;
                }
                Key key = new Key(SampleRules.reported(customer), location,
                        Math.floorDiv(s.getTimestampMillis(), 60_000L));
                into.computeIfAbsent(key, k -> new Bucket()).record(s);
                accepted++;
                if (s.getLoss()) {
                    losses++;
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        summary.setAccepted(summary.getAccepted() + accepted).setLosses(summary.getLosses() + losses);
        meters.counter("latency_samples_accepted").increment(accepted);
        rejected.forEach((reason, n) -> {
            summary.putRejected(reason, summary.getRejectedOrDefault(reason, 0) + n);
            meters.counter("latency_samples_rejected", "reason", reason).increment(n);
        });
    }

    /** Counts refusals found before ingestion (e.g. RIPE Atlas entries that carry an error). */
    public void refused(List<String> reasons, UploadSummary.Builder summary) {
        for (String reason : reasons) {
            summary.putRejected(reason, summary.getRejectedOrDefault(reason, 0) + 1);
            meters.counter("latency_samples_rejected", "reason", reason).increment();
        }
    }

    /** Takes every aggregate recorded so far (the caller writes them). */
    public Map<Key, Bucket> drain() {
        lock.writeLock().lock();
        try {
            Map<Key, Bucket> out = buckets;
            // sized for as many minutes as the last flush held: no rehashing while samples stream in
            buckets = new ConcurrentHashMap<>(Math.max(16, out.size() * 4 / 3 + 1));
            return out;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Puts aggregates back that could not be written (merged with what arrived meanwhile). */
    public void restore(Map<Key, Bucket> unwritten) {
        lock.readLock().lock();
        try {
            unwritten.forEach((key, b) -> buckets.computeIfAbsent(key, k -> new Bucket()).add(b));
        } finally {
            lock.readLock().unlock();
        }
    }
}
