package dev.kiln.oci.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** What create hands the monitor: the VM to boot. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Launch(@JsonProperty("image") String image,
              @JsonProperty("image_digest") String imageDigest,
              @JsonProperty("memory_bytes") long memoryBytes,
              @JsonProperty("args") List<String> args,
              @JsonProperty("env") List<String> env,
              @JsonProperty("network") PodNetwork.Setup network,
              @JsonProperty("nameserver") String nameserver) {}
