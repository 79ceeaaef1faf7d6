#!/usr/bin/env python3
# Writes .ci/consumer/embedded-xor.nngen, the model file the consumer's EmbeddedXorNet embeds at build time: XorNet's
# shape (signature 0xC3FBDB6491B77AA6, FNV-1a of its shape text) with hand-set weights that solve XOR (h1 = tanh(4x1 + 4x2 - 2),
# h2 = tanh(4x1 + 4x2 - 6), y = sigmoid(4h1 - 4h2 - 2)), every value an exact binary fraction. The consumer holds the same
# values as XorWeights and requires new EmbeddedXorNet() to equal them bit for bit. NnGen's model file format
# (NnGen.Runtime/ModelFiles/ModelFile.cs): "NNGN", version 1 (uint16), reserved 0 (uint16), signature (uint64), parameter
# and state counts (int32), the float32 values, a CRC-32 (IEEE, as zlib's) of every byte before it; all little-endian.
import struct, zlib, pathlib
parameters = [4, 4, 4, 4, 0, 0, 0, 0,   -2, -6, 0, 0,   4, -4, 0, 0,   -2]
state = []
body = b"NNGN" + struct.pack("<HHQii", 1, 0, 0xC3FBDB6491B77AA6, len(parameters), len(state))
body += struct.pack("<%df" % (len(parameters) + len(state)), *(parameters + state))
pathlib.Path(__file__).with_name("embedded-xor.nngen").write_bytes(body + struct.pack("<I", zlib.crc32(body)))
