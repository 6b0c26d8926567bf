using System.Security.Cryptography;

namespace DualHome.Wire.Dns;

/// <summary>
/// A TSIG shared secret with its key name and algorithm (RFC 8945 §3). The secret comes only from the config file
/// and never leaves this object except into the HMAC: <see cref="ToString"/> and every error message leave it out.
/// The key name is kept lowercase, its canonical form (RFC 8945 §4.3.3).
/// </summary>
public sealed class TsigKey
{
    private readonly byte[] secret;

    public TsigKey(string name, TsigAlgorithm algorithm, ReadOnlySpan<byte> secret)
    {
        Name = DnsWireName.Normalize(name).ToLowerInvariant();
        Algorithm = algorithm;
        _ = algorithm.MacLength(); // throws for an undefined value
        if (secret.IsEmpty)
            throw new ArgumentException($"TSIG key {Name}: the secret is empty.", nameof(secret));
        this.secret = secret.ToArray();
        NameWire = ToWire(Name);
        AlgorithmWire = ToWire(algorithm.Name());
    }

    /// <summary>The key name without its trailing dot, lowercase: "dualhome-test".</summary>
    public string Name { get; }

    public TsigAlgorithm Algorithm { get; }

    /// <summary>The key name in canonical wire form (uncompressed, lowercase).</summary>
    internal byte[] NameWire { get; }

    /// <summary>The algorithm name in canonical wire form.</summary>
    internal byte[] AlgorithmWire { get; }

    internal IncrementalHash CreateHmac() => Algorithm.CreateHmac(secret);

    /// <summary>
    /// Builds a key from the three parts of BIND's key statement (nsupdate's <c>-y [alg:]name:secret</c>); throws
    /// <see cref="ArgumentException"/> with a message that never quotes the secret.
    /// </summary>
    public static TsigKey FromBase64(string name, string algorithm, string base64Secret)
    {
        if (!TsigAlgorithms.TryParse(algorithm, out TsigAlgorithm parsed))
            throw new ArgumentException($"TSIG key {name}: unknown algorithm '{algorithm}' (accepted: hmac-sha256, hmac-sha1, hmac-sha384, hmac-sha512).", nameof(algorithm));
        byte[] bytes = new byte[((base64Secret?.Length ?? 0) + 3) / 4 * 3];
        if (base64Secret is null || !Convert.TryFromBase64String(base64Secret, bytes, out int length))
            throw new ArgumentException($"TSIG key {name}: the secret is not valid base64.", nameof(base64Secret));
        try
        {
            return new TsigKey(name, parsed, bytes.AsSpan(0, length));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Name and algorithm only: "dualhome-test (hmac-sha256, secret not shown)".</summary>
    public override string ToString() => $"{Name} ({Algorithm.Name()}, secret not shown)";

    private static byte[] ToWire(string name)
    {
        byte[] wire = new byte[DnsWireName.Measure(name)];
        DnsWireName.Write(name, wire);
        return wire;
    }
}
