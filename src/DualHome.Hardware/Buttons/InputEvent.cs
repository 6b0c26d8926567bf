using System.Buffers.Binary;

namespace DualHome.Hardware.Buttons;

/// <summary>One <c>struct input_event</c> read from <c>/dev/input/event*</c> (include/uapi/linux/input.h):
/// <c>struct timeval time; __u16 type; __u16 code; __s32 value;</c> — 24 bytes on 64-bit Linux (timeval is two
/// longs), in host byte order (little-endian on every target here).</summary>
public readonly record struct InputEvent(TimeSpan Time, ushort Type, ushort Code, int Value)
{
    /// <summary>input-event-codes.h: EV_SYN 0x00, EV_KEY 0x01.</summary>
    public const ushort EvSyn = 0x00, EvKey = 0x01;

    /// <summary>EV_KEY values (Documentation/input/event-codes.rst): 0 release, 1 press, 2 autorepeat.</summary>
    public const int KeyReleased = 0, KeyPressed = 1, KeyRepeated = 2;

    /// <summary>Size of one record on a 64-bit kernel: timeval 16 + type 2 + code 2 + value 4.</summary>
    public const int Size64 = 24;

    /// <summary>Decodes one record; false when <paramref name="record"/> is shorter than <see cref="Size64"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> record, out InputEvent e)
    {
        e = default;
        if (record.Length < Size64) return false;
        long seconds = BinaryPrimitives.ReadInt64LittleEndian(record);
        long micros = BinaryPrimitives.ReadInt64LittleEndian(record[8..]);
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(record[16..]);
        ushort code = BinaryPrimitives.ReadUInt16LittleEndian(record[18..]);
        int value = BinaryPrimitives.ReadInt32LittleEndian(record[20..]);
        var time = TimeSpan.FromSeconds(seconds) + TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);
        e = new InputEvent(time, type, code, value);
        return true;
    }

    /// <summary>Encodes a record (tests and recordings).</summary>
    public void Write(Span<byte> record)
    {
        long micros = Time.Ticks / TimeSpan.TicksPerMicrosecond;
        BinaryPrimitives.WriteInt64LittleEndian(record, micros / 1_000_000);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], micros % 1_000_000);
        BinaryPrimitives.WriteUInt16LittleEndian(record[16..], Type);
        BinaryPrimitives.WriteUInt16LittleEndian(record[18..], Code);
        BinaryPrimitives.WriteInt32LittleEndian(record[20..], Value);
    }

    /// <summary>Whether this is the given key going down (true) or up (false); null for anything else (other
    /// keys, SYN reports, autorepeat).</summary>
    public bool? KeyEdge(ushort keyCode) =>
        Type != EvKey || Code != keyCode ? null
        : Value == KeyPressed ? true
        : Value == KeyReleased ? false
        : null;
}
