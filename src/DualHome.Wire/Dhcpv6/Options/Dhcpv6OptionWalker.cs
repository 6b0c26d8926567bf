using System.Buffers.Binary;

namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>
/// Walks an options area (of a message, or encapsulated in IA_PD / IA Prefix), checking the framing as odhcpd's
/// option iterator does: the 4-octet header fits and option-len stays inside the area (RFC 8415 §21.1). The options
/// must consume the area exactly. Allocation-free.
/// </summary>
internal ref struct Dhcpv6OptionWalker
{
    private ReadOnlySpan<byte> _rest;

    public Dhcpv6OptionWalker(ReadOnlySpan<byte> options)
    {
        _rest = options;
        Error = Dhcpv6ReadResult.Ok;
    }

    /// <summary>option-code of the current option.</summary>
    public ushort Code { get; private set; }

    /// <summary>option-data of the current option (option-len octets, header excluded).</summary>
    public ReadOnlySpan<byte> Data { get; private set; }

    /// <summary>Why the walk stopped early; <see cref="Dhcpv6ReadResult.Ok"/> when the options consumed the area.</summary>
    public Dhcpv6ReadResult Error { get; private set; }

    public bool MoveNext()
    {
        if (_rest.IsEmpty)
            return false;
        if (_rest.Length < Dhcpv6Constants.OptionHeaderLength)
            return Stop(); // §21.1: trailing octets that cannot hold option-code and option-len
        int length = BinaryPrimitives.ReadUInt16BigEndian(_rest[2..]);
        int end = Dhcpv6Constants.OptionHeaderLength + length;
        if (end > _rest.Length)
            return Stop(); // §21.1: option-len runs past the message (or the enclosing option)
        Code = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        Data = _rest[Dhcpv6Constants.OptionHeaderLength..end];
        _rest = _rest[end..];
        return true;
    }

    private bool Stop()
    {
        Error = Dhcpv6ReadResult.OptionOverrun;
        _rest = default;
        return false;
    }
}
