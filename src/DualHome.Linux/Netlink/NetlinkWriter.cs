using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace DualHome.Linux.Netlink;

/// <summary>
/// Writes one netlink message into a span: header, fixed family header, then attributes, each padded
/// to 4 bytes (NLMSG_ALIGN / NLA_ALIGN). Host byte order; callers assert a little-endian host.
/// Every write checks the space first and throws rather than overrun the buffer.
/// </summary>
internal ref struct NetlinkWriter
{
    private readonly Span<byte> _buffer;
    private int _length;

    public NetlinkWriter(Span<byte> buffer) => _buffer = buffer;

    /// <summary>struct nlmsghdr; nlmsg_len is patched by <see cref="ToArray"/>, nlmsg_pid 0 lets the kernel fill it.</summary>
    public void WriteHeader(ushort type, ushort flags, uint sequence)
    {
        var header = Reserve(NetlinkConstants.HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], type);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], sequence);
    }

    /// <summary>Zeroed, aligned room for a fixed header such as rtmsg; returns the unpadded part.</summary>
    public Span<byte> Reserve(int size)
    {
        var aligned = NetlinkConstants.Align(size);
        if (aligned > _buffer.Length - _length)
        {
            throw new InvalidOperationException("netlink message does not fit its buffer");
        }

        var slice = _buffer.Slice(_length, aligned);
        slice.Clear();
        _length += aligned;
        return slice[..size];
    }

    /// <summary>struct nlattr { u16 nla_len (header + value, unpadded); u16 nla_type; } then the value.</summary>
    public void WriteAttribute(ushort type, scoped ReadOnlySpan<byte> value)
    {
        var attribute = Reserve(4 + value.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute, (ushort)attribute.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(attribute[2..], type);
        value.CopyTo(attribute[4..]);
    }

    /// <summary>A u8 attribute: nla_len 5, padded to 8.</summary>
    public void WriteByte(ushort type, byte value) => WriteAttribute(type, [value]);

    public void WriteUInt32(ushort type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        WriteAttribute(type, bytes);
    }

    public void WriteUInt16(ushort type, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        WriteAttribute(type, bytes);
    }

    /// <summary>Opens a nested attribute (NLA_F_NESTED set, as iproute2's addattr_nest does); returns where it starts
    /// for <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        int start = _length;
        var header = Reserve(4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)(type | NetlinkConstants.NLA_F_NESTED));
        return start;
    }

    /// <summary>Closes a nested attribute: its nla_len covers everything written since <see cref="BeginNested"/>.</summary>
    public void EndNested(int start) => BinaryPrimitives.WriteUInt16LittleEndian(_buffer[start..], (ushort)(_length - start));

    /// <summary>An IPv6 address: 16 bytes in network order (scope id is not part of it).</summary>
    public void WriteAddress(ushort type, IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written) || written != 16)
        {
            throw new ArgumentException($"{address} is not an IPv6 address", nameof(address));
        }

        WriteAttribute(type, bytes);
    }

    /// <summary>A NUL-terminated string (NLA_NUL_STRING / NLA_STRING with terminator, as iproute2 sends).</summary>
    public void WriteString(ushort type, string value)
    {
        Span<byte> bytes = stackalloc byte[Encoding.UTF8.GetByteCount(value) + 1];
        bytes.Clear();
        Encoding.UTF8.GetBytes(value, bytes);
        WriteAttribute(type, bytes);
    }

    /// <summary>Patches nlmsg_len (the aligned total) and copies the message out.</summary>
    public byte[] ToArray()
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)_length);
        return _buffer[.._length].ToArray();
    }
}
