#!/usr/bin/env python3
# Writes the seed corpus of fuzz_frameparser. Each file: a set-up byte, a chunking byte
# (see fuzz_frameparser.cpp), then a STOMP byte stream. Rerun after changing the layout.
import os

V10, V11, V12 = 0, 1, 2
SMALL, TINY, MEDIUM = 1 << 2, 2 << 2, 3 << 2
WHOLE, BYTES = 0x00, 0x40
def FIXED(n): return 0x80 | (n - 1)
def RANDOM(seed): return 0xC0 | seed

ERROR_BODY = (b"The message:\n-----\nMESSAGE\ndestined:/queue/a\nreceipt:message-12345\n\n"
              b"Hello queue a!\n-----\nDid not contain a destination header, which is REQUIRED\n"
              b"for message propagation.\n")
seeds = {
    "spec_connect": (V12, WHOLE, b"CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n\0"
                                 b"CONNECTED\nversion:1.2\n\n\0"),
    "spec_send_receipt": (V12, FIXED(7), b"SEND\ndestination:/queue/a\nreceipt:message-12345\n\n"
                                         b"hello queue a\0RECEIPT\nreceipt-id:message-12345\n\n\0"),
    "spec_error_170": (V12, RANDOM(5), b"ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\n"
                                       b"content-length:170\nmessage:malformed frame received\n\n"
                                       + ERROR_BODY + b"\0"),
    "repeated_headers": (V12, BYTES, b"MESSAGE\nfoo:World\nfoo:Hello\n\n\0"),
    "content_length_nuls": (V12, FIXED(3), b"MESSAGE\nsubscription:0\nmessage-id:1\n"
                                           b"content-length:7\n\n\0a\0\0b\n\0\0"),
    "heart_beats": (V12, RANDOM(9), b"\n\r\n\nSEND\ndestination:/q\n\nx\0\n\r\n\n\n"
                                    b"SEND\ndestination:/q\n\ny\0\n"),
    "crlf": (V12, FIXED(2), b"CONNECTED\r\nversion:1.2\r\nheart-beat:0,1000\r\n\r\n\0\r\n"
                            b"MESSAGE\r\ndestination:/q\r\n\r\nbody\r\n\0"),
    "escapes_12": (V12, BYTES, b"MESSAGE\nk\\c\\n:\\r\\n\\c\\\\\n\n\0"),
    "escapes_11_then_12": (V11 | (3 << 5), WHOLE, b"CONNECTED\nversion:1.2\nserver:a\\tb\n\n\0"
                                                  b"MESSAGE\na:b\\cc\\r\n\n\0"),
    "stomp10_literal": (V10, FIXED(5), b"MESSAGE\nmessage-id:ID:host-1:2\nx:a\\nb\\t\n\nhi\0"),
    "body_to_nul": (V12 | 0x10, WHOLE, b"SEND\n\nab\0SEND\n\n\0ERROR\nmessage:x\n\nwhy\0"),
    "small_limits": (V12 | SMALL, BYTES, b"SEND\na:1\nb:2\nc:3\nd:4\ne:5\n\n\0"),
    "tiny_limits": (V12 | TINY, FIXED(4), b"ACK\nid:1\n\n\0SEND\ncontent-length:5\n\n12345\0"),
    "medium_limits_binary": (V12 | MEDIUM, RANDOM(33), b"SEND\ncontent-length:16\n\n"
                                                       + bytes(range(0, 256, 16)) + b"\0"),
    "invalid_escape": (V11, WHOLE, b"RECEIPT\nreceipt-id:1\n\n\0MESSAGE\nk:\\r\n\n\0"),
}
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")
os.makedirs(here, exist_ok=True)
for name, (setup, chunking, stream) in seeds.items():
    with open(os.path.join(here, name), "wb") as f:
        f.write(bytes([setup, chunking]) + stream)
