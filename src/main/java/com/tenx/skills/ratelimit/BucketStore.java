package com.tenx.skills.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where buckets live: in this process or in the shared database. */
interface BucketStore {

    /**
     * Takes one token from the bucket {@code key}, creating it full with
     * {@code configuration}.
     */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

}
