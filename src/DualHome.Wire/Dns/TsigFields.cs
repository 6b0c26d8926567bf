namespace DualHome.Wire.Dns;

/// <summary>The per-message TSIG values that go into the MAC besides the key (RFC 8945 §4.2, §4.3.3).</summary>
internal readonly ref struct TsigFields
{
    /// <summary>§4.2 Time Signed, seconds since the epoch (48 bits).</summary>
    public long TimeSigned { get; init; }

    /// <summary>§4.2 Fudge.</summary>
    public ushort Fudge { get; init; }

    /// <summary>§4.2 Original ID.</summary>
    public ushort OriginalId { get; init; }

    /// <summary>§4.2 Error.</summary>
    public TsigError Error { get; init; }

    /// <summary>§4.2 Other Data.</summary>
    public ReadOnlySpan<byte> OtherData { get; init; }
}
