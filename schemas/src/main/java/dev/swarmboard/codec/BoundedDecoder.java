package dev.swarmboard.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * A binary decoder that refuses any declared string, bytes or collection length larger than the
 * bytes left in the record, before anything is allocated. Avro's own limits default to about 2 GiB,
 * so without this a 23-byte record claiming a 2 GiB string is an OutOfMemoryError on any smaller
 * heap. The remaining count is an upper bound: it only ever shrinks by bytes known to be consumed.
 */
final class BoundedDecoder extends Decoder {

    private final BinaryDecoder in;
    private long remaining;

    BoundedDecoder(BinaryDecoder in, int bodyLength) {
        this.in = in;
        this.remaining = bodyLength;
    }

    @Override
    public void readNull() throws IOException {
        in.readNull();
    }

    @Override
    public boolean readBoolean() throws IOException {
        consume(1);
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        int value = in.readInt();
        consume(varintSize(value));
        return value;
    }

    @Override
    public long readLong() throws IOException {
        long value = in.readLong();
        consume(varintSize(value));
        return value;
    }

    @Override
    public float readFloat() throws IOException {
        consume(Float.BYTES);
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        consume(Double.BYTES);
        return in.readDouble();
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = length(readLong(), "string");
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        in.readFixed(result.getBytes(), 0, length);
        consume(length);
        return result;
    }

    @Override
    public String readString() throws IOException {
        return readString(null).toString();
    }

    @Override
    public void skipString() throws IOException {
        skipFixed(length(readLong(), "string"));
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = length(readLong(), "bytes");
        ByteBuffer result = old != null && old.capacity() >= length ? old : ByteBuffer.allocate(length);
        result.clear();
        in.readFixed(result.array(), result.arrayOffset(), length);
        result.limit(length);
        consume(length);
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        skipFixed(length(readLong(), "bytes"));
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        length(length, "fixed");
        in.readFixed(bytes, start, length);
        consume(length);
    }

    @Override
    public void skipFixed(int length) throws IOException {
        length(length, "fixed");
        in.skipFixed(length);
        consume(length);
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return items(in.readArrayStart(), "array");
    }

    @Override
    public long arrayNext() throws IOException {
        return items(in.arrayNext(), "array");
    }

    @Override
    public long skipArray() throws IOException {
        return items(in.skipArray(), "array");
    }

    @Override
    public long readMapStart() throws IOException {
        return items(in.readMapStart(), "map");
    }

    @Override
    public long mapNext() throws IOException {
        return items(in.mapNext(), "map");
    }

    @Override
    public long skipMap() throws IOException {
        return items(in.skipMap(), "map");
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    private int length(long declared, String what) {
        if (declared < 0 || declared > remaining) {
            throw new LengthBombException(what + " declares " + declared + " bytes but the record has at most "
                    + remaining + " left");
        }
        return (int) declared;
    }

    /** A block's item count; every item of our schemas takes at least one byte. */
    private long items(long declared, String what) {
        // The count's own varint is consumed but not counted here, which keeps the bound an upper one.
        if (declared < 0 || declared > remaining) {
            throw new LengthBombException(what + " declares " + declared + " items but the record has at most "
                    + remaining + " bytes left");
        }
        return declared;
    }

    private void consume(long bytes) {
        remaining = Math.max(0, remaining - bytes);
    }

    private static int varintSize(long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        int size = 1;
        while ((zigzag & ~0x7FL) != 0) {
            zigzag >>>= 7;
            size++;
        }
        return size;
    }

    /** A declared length the record's own size rules out. */
    static final class LengthBombException extends RuntimeException {
        LengthBombException(String message) {
            super(message);
        }
    }
}
