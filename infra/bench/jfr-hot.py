#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: the hottest methods (self) and the share of samples
under each library (inclusive, by the first matching frame from the top).

  infra/bench/run.sh ingest --duration 30 \
    --jvm-options "-Xms256m -Xmx256m -XX:StartFlightRecording=filename=/tmp/sb.jfr,settings=profile,dumponexit=true"
  infra/bench/jfr-hot.py /tmp/sb.jfr
"""
import collections
import re
import subprocess
import sys

AREAS = [
    ("Switchboard code", "io.switchboard."),
    ("R2DBC PostgreSQL driver", "io.r2dbc."),
    ("Spring Security", "org.springframework.security."),
    ("Spring WebFlux / web", "org.springframework.web."),
    ("Spring other", "org.springframework."),
    ("Jackson", "tools.jackson."),
    ("Reactor core", "reactor.core."),
    ("Reactor Netty", "reactor.netty."),
    ("Netty", "io.netty."),
    ("JDK crypto", "com.sun.crypto."),
    ("JDK", "java."),
    ("JDK internal", "jdk.internal."),
    ("JDK sun", "sun."),
]

def main(path):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", path],
                          capture_output=True, text=True, check=True).stdout
    self_counts = collections.Counter()
    area_counts = collections.Counter()
    inclusive = collections.Counter()
    samples = 0
    for block in text.split("jdk.ExecutionSample")[1:]:
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?\)\s+line:", block, re.M)
        if not frames:
            continue
        samples += 1
        self_counts[frames[0]] += 1
        top = next((name for name, prefix in AREAS if frames[0].startswith(prefix)), "other")
        area_counts[top] += 1
        for cls in {f.rsplit(".", 1)[0] for f in frames if f.startswith("io.switchboard.")}:
            inclusive[cls] += 1
    print(f"{samples} CPU samples\n\nTop frames (self):")
    for frame, count in self_counts.most_common(25):
        print(f"  {100.0 * count / samples:5.1f}%  {frame}")
    print("\nBy library of the top frame:")
    for area, count in area_counts.most_common():
        print(f"  {100.0 * count / samples:5.1f}%  {area}")
    print("\nSwitchboard classes on the stack (inclusive):")
    for cls, count in inclusive.most_common(20):
        print(f"  {100.0 * count / samples:5.1f}%  {cls}")

if __name__ == "__main__":
    main(sys.argv[1])
