namespace DualHome.Wire.Dns;

/// <summary>
/// A TSIG RR as read from a message (RFC 8945 §4.2). Names are in text form for logs; the canonical wire forms
/// are kept for comparison and for the MAC. <see cref="Offset"/> is where the RR starts: the MAC covers the
/// message before it (§4.3.1, §5.2).
/// </summary>
public sealed record TsigRecord
{
    /// <summary>The owner name: the key name (§4.2 NAME).</summary>
    public required string KeyName { get; init; }

    /// <summary>§4.2 Algorithm Name, e.g. "hmac-sha256".</summary>
    public required string AlgorithmName { get; init; }

    /// <summary>§4.2 Time Signed: seconds since 1970-01-01T00:00:00Z, 48 bits.</summary>
    public required long TimeSigned { get; init; }

    /// <summary>§4.2 Fudge: seconds of error permitted in Time Signed.</summary>
    public required ushort Fudge { get; init; }

    /// <summary>§4.2 MAC (MAC Size octets); empty in an unsigned error response (§5.3.2).</summary>
    public required ReadOnlyMemory<byte> Mac { get; init; }

    /// <summary>§4.2 Original ID: the message ID when the MAC was made.</summary>
    public required ushort OriginalId { get; init; }

    /// <summary>§4.2 Error: the extended RCODE for TSIG (§3).</summary>
    public required TsigError Error { get; init; }

    /// <summary>§4.2 Other Data: empty, or the server's 48-bit time in a BADTIME response (§5.2.3).</summary>
    public required ReadOnlyMemory<byte> OtherData { get; init; }

    /// <summary>Offset of the TSIG RR's first octet in the message.</summary>
    public required int Offset { get; init; }

    internal byte[] KeyNameWire { get; init; } = [];

    internal byte[] AlgorithmWire { get; init; } = [];

    /// <summary>The server's clock from a BADTIME response's Other Data (§5.2.3), or null.</summary>
    public DateTimeOffset? ServerTime => OtherData.Length == TsigRecordFormat.TimeLength
        ? DateTimeOffset.FromUnixTimeSeconds(TsigRecordFormat.ReadTime(OtherData.Span))
        : null;

    public override string ToString() =>
        $"TSIG {KeyName} {AlgorithmName} time {TimeSigned} fudge {Fudge} mac {Mac.Length} octets id {OriginalId} error {Error}";
}
