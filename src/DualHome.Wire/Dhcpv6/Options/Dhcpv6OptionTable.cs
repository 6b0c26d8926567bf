namespace DualHome.Wire.Dhcpv6.Options;

/// <summary>Reads one option's data into the accumulator <typeparamref name="T"/>; returns why the message is bad, or Ok.</summary>
internal delegate Dhcpv6ReadResult Dhcpv6OptionReader<T>(ReadOnlySpan<byte> data, T into);

/// <summary>One row of an option table (BIRD's <c>{min_length, read}</c>): the option-len range the format allows,
/// the error when it is outside, whether §21's "may appear only once" applies, and the reader.</summary>
internal sealed record Dhcpv6OptionSpec<T>(
    Dhcpv6OptionCode Code, int MinLength, int MaxLength, Dhcpv6ReadResult LengthError, bool Single, Dhcpv6OptionReader<T> Read);

/// <summary>
/// Table-driven option parsing, separate from acting on the result. Options a table does not list are handed to
/// <c>unknown</c> (top level: kept raw) or skipped (encapsulated options: §21.21, §21.22 define the ones read here).
/// </summary>
internal static class Dhcpv6OptionTable
{
    public static Dhcpv6ReadResult ReadAll<T>(ReadOnlySpan<byte> options, Dhcpv6OptionSpec<T>[] table, T into,
        Action<ushort, ReadOnlySpan<byte>>? unknown = null)
    {
        Span<ushort> seen = stackalloc ushort[table.Length];
        int seenCount = 0;
        var walker = new Dhcpv6OptionWalker(options);
        while (walker.MoveNext())
        {
            Dhcpv6OptionSpec<T>? spec = Find(table, walker.Code);
            if (spec is null)
            {
                unknown?.Invoke(walker.Code, walker.Data);
                continue;
            }
            if (spec.Single && seen[..seenCount].Contains(walker.Code))
                return Dhcpv6ReadResult.DuplicateOption; // §21: "may appear only once"
            if (spec.Single)
                seen[seenCount++] = walker.Code;
            Dhcpv6ReadResult result = ReadOne(spec, walker.Data, into);
            if (result != Dhcpv6ReadResult.Ok)
                return result;
        }
        return walker.Error;
    }

    private static Dhcpv6ReadResult ReadOne<T>(Dhcpv6OptionSpec<T> spec, ReadOnlySpan<byte> data, T into)
    {
        if (data.Length < spec.MinLength || data.Length > spec.MaxLength)
            return spec.LengthError;
        return spec.Read(data, into);
    }

    private static Dhcpv6OptionSpec<T>? Find<T>(Dhcpv6OptionSpec<T>[] table, ushort code)
    {
        foreach (Dhcpv6OptionSpec<T> spec in table)
        {
            if ((ushort)spec.Code == code)
                return spec;
        }
        return null;
    }
}
