#!/usr/bin/env python3
"""Sums async-profiler's collapsed stacks (bench/read-throughput.sh with BENCH_PROFILER) per step of the request path.

Usage: bench/profile-steps.py FILE.collapsed [FILE.collapsed …]

Each CPU sample goes to the step of the innermost frame that names one (a JDBC call made by the key
check counts for the key check; a socket write made while a response filter runs would count for that
filter), else to the machinery it ran in (Netty and Vert.x, Quarkus REST, the JVM's own threads).
Printed per file: the share of the samples per step, and which threads they ran on; with the run's
request count beside it (FILE.requests, written by the benchmark), CPU microseconds per request per
step (the profiler takes a sample per millisecond of CPU time of a thread).
"""
import os
import re
import sys
from collections import Counter

# Innermost first wins: (step, pattern on a frame).
STEPS = [
    ('access: key check, JDBC query (key + stamp, lookup thread)', r'ApiKeyLookup\.query|OrganizationStamps\.query'),
    ('access: key last-used write', r'ApiKeyLookup\.(recordUse|write)'),
    ('access: coalescing hand-off (CoalescedLookup, futures)', r'CoalescedLookup|LookupExecutor'),
    ('access: key check (hash, compare)', r'ApiKeyLookup\.authenticate|SecretTokens'),
    ('access: throttle', r'AuthenticationThrottle'),
    ('access: filter (annotations, decision, request scope)', r'security/AccessFilter|security/CurrentActor|RequestStamps|security/Caller'),
    ('HTTP-layer checks (HttpLayerProblems)', r'HttpLayerProblems'),
    ('request id (RequestIds, UUID, MDC)', r'RequestIds'),
    ('content negotiation (ContentNegotiation)', r'ContentNegotiation'),
    ('If-None-Match * check (UnconditionalWrites)', r'UnconditionalWrites'),
    ('response filters (AuditTrail, PublicAnswers)', r'AuditTrail|PublicAnswers'),
    ('headers, 304 decision (ConditionalReads, EntityTags)', r'ConditionalReads|EntityTags'),
    ('language negotiation', r'LanguageNegotiation'),
    ('read cache (ReadCache, Caffeine)', r'ReadCache|benmanes/caffeine'),
    ('resource method', r'element/rest/|document/rest/'),
    ('CORS, security headers (Quarkus HTTP)', r'CORSFilter|HttpSecurity|quarkus/vertx/http/runtime/.*Header'),
    ('pgjdbc / Agroal (outside a known step)', r'org/postgresql|io/agroal'),
    ('serialising (Jackson)', r'com/fasterxml/jackson'),
    ('Quarkus REST machinery (handlers, params, response)', r'resteasy/reactive|quarkus/resteasy'),
    ('Mutiny / CDI request context', r'smallrye/mutiny|quarkus/arc'),
    ('network I/O and HTTP codec (Netty, Vert.x, syscalls)', r'io/netty|io/vertx|sun/nio|^(epoll|write|read|send|recv)'),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in STEPS]


def step_of(frames):
    for frame in reversed(frames):
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    return 'JVM (GC, JIT compiler, other)'


def thread_of(frame):
    name = re.sub(r'\s*tid=\d+', '', frame.strip('[]'))
    return re.sub(r'-\d+$', '-N', name)


for path in sys.argv[1:]:
    steps, threads = Counter(), Counter()
    for line in open(path):
        stack, _, count = line.rstrip('\n').rpartition(' ')
        frames = stack.split(';')
        count = int(count)
        if frames and frames[0].startswith('['):
            threads[thread_of(frames[0])] += count
            frames = frames[1:]
        steps[step_of(frames)] += count
    total = sum(steps.values()) or 1
    counted = path.replace('.collapsed', '.requests')
    requests = int(open(counted).read().strip()) if os.path.exists(counted) else 0
    print(f'{path}: {total} samples' + (f', {requests} requests: {total * 1000 / requests:.1f} us CPU per request in the JVM' if requests else ''))
    for name, count in steps.most_common():
        per_request = f'{count * 1000 / requests:5.1f} us  ' if requests else ''
        print(f'  {100 * count / total:5.1f} %  {per_request}{name}')
    print('  threads: ' + ', '.join(f'{name} {100 * count / total:.0f} %' for name, count in threads.most_common(6)))
