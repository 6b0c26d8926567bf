using System.Security.Cryptography;

namespace DualHome.Wire.Dns;

/// <summary>
/// The TSIG MAC algorithms accepted (RFC 8945 §6): HMAC-SHA256 is mandatory to implement; SHA1, SHA384 and SHA512
/// are accepted for servers that are configured with them. HMAC-MD5 and GSS-TSIG are not.
/// </summary>
public enum TsigAlgorithm : byte
{
    HmacSha256 = 0,
    HmacSha1 = 1,
    HmacSha384 = 2,
    HmacSha512 = 3,
}

/// <summary>Names, sizes and HMAC instances for <see cref="TsigAlgorithm"/>.</summary>
public static class TsigAlgorithms
{
    /// <summary>The algorithm's name as written in the TSIG RR and in BIND's key statements (RFC 8945 §6, lowercase).</summary>
    public static string Name(this TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacSha1 => "hmac-sha1",
        TsigAlgorithm.HmacSha256 => "hmac-sha256",
        TsigAlgorithm.HmacSha384 => "hmac-sha384",
        TsigAlgorithm.HmacSha512 => "hmac-sha512",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>The full MAC length in octets (the hash output length, RFC 2104 §2).</summary>
    public static int MacLength(this TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacSha1 => HMACSHA1.HashSizeInBytes,
        TsigAlgorithm.HmacSha256 => HMACSHA256.HashSizeInBytes,
        TsigAlgorithm.HmacSha384 => HMACSHA384.HashSizeInBytes,
        TsigAlgorithm.HmacSha512 => HMACSHA512.HashSizeInBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };

    /// <summary>
    /// RFC 8945 §5.2.2.1 rule 3: a MAC truncated below the larger of 10 octets and half the hash length is not
    /// allowed (FORMERR); anything from there up to the full length is (rule 4).
    /// </summary>
    public static int MinimumMacLength(this TsigAlgorithm algorithm) => Math.Max(10, algorithm.MacLength() / 2);

    /// <summary>Parses a name such as "hmac-sha256" (case-insensitive, one trailing dot allowed).</summary>
    public static bool TryParse(string? name, out TsigAlgorithm algorithm)
    {
        algorithm = default;
        string text = (name ?? "").TrimEnd('.').ToLowerInvariant();
        foreach (TsigAlgorithm candidate in (ReadOnlySpan<TsigAlgorithm>)[TsigAlgorithm.HmacSha256, TsigAlgorithm.HmacSha1, TsigAlgorithm.HmacSha384, TsigAlgorithm.HmacSha512])
        {
            if (candidate.Name() == text)
            {
                algorithm = candidate;
                return true;
            }
        }
        return false;
    }

    internal static IncrementalHash CreateHmac(this TsigAlgorithm algorithm, ReadOnlySpan<byte> secret) =>
        IncrementalHash.CreateHMAC(HashName(algorithm), secret);

    private static HashAlgorithmName HashName(TsigAlgorithm algorithm) => algorithm switch
    {
        TsigAlgorithm.HmacSha1 => HashAlgorithmName.SHA1,
        TsigAlgorithm.HmacSha256 => HashAlgorithmName.SHA256,
        TsigAlgorithm.HmacSha384 => HashAlgorithmName.SHA384,
        TsigAlgorithm.HmacSha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
