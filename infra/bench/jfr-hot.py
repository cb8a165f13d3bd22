#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go: the hottest methods (self) and the share of samples
under each library (inclusive, by the first matching frame from the top), then by stage (HTTP,
verification, event facts, database, worker code; stacks cut at reactive hops count where they
ran). --skip S leaves out the first S
seconds of the recording (start-up and set-up).

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

# A sample's stage: the first rule whose pattern is on its stack (or its thread's name).
STAGES = [
    ("worker code (lease, attempt, settle)", r"io\.switchboard\.(worker|core\.delivery)\."),
    ("signature verification", r"io\.switchboard\.core\.signature\."),
    ("event facts (reading the JSON body)", r"io\.switchboard\.core\.event\.EventFacts"),
    ("database: group commit, R2DBC driver and what runs on its event loops",
     r"io\.switchboard\.core\.(commit|ingest)\.|io\.r2dbc\.|thread:reactor-tcp"),
    ("HTTP: Netty, WebFlux, routing, answers (server; and the worker's client)", r"thread:reactor-http"),
]

def seconds(block):
    m = re.search(r"startTime = (\d+):(\d+):([\d.]+)", block)
    return int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3]) if m else 0.0

def main(path, skip=0.0):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "128", path],
                          capture_output=True, text=True, check=True).stdout
    self_counts = collections.Counter()
    area_counts = collections.Counter()
    inclusive = collections.Counter()
    stages = collections.Counter()
    samples = 0
    blocks = text.split("jdk.ExecutionSample")[1:]
    start = min((seconds(b) for b in blocks), default=0.0)
    for block in blocks:
        if seconds(block) - start < skip:
            continue
        frames = re.findall(r"^\s+([\w.$<>]+)\(.*?\)\s+line:", block, re.M)
        if not frames:
            continue
        samples += 1
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        stack = "thread:" + (thread[1] if thread else "?") + "\n" + "\n".join(frames)
        stages[next((name for name, pattern in STAGES if re.search(pattern, stack)), "other")] += 1
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
    print("\nBy stage:")
    for stage, count in stages.most_common():
        print(f"  {100.0 * count / samples:5.1f}%  {stage}")

if __name__ == "__main__":
    arguments = sys.argv[1:]
    skip = 0.0
    if "--skip" in arguments:
        at = arguments.index("--skip")
        skip = float(arguments[at + 1])
        del arguments[at:at + 2]
    main(arguments[0], skip)
