namespace DualHome.Wire.Tests.Support;

/// <summary>Seeded mutations of valid frames: bit flips, byte overwrites, truncation, extension, or pure noise.</summary>
public static class Fuzz
{
    public static byte[] Mutate(Random random, byte[] seed)
    {
        byte[] frame = random.Next(8) switch
        {
            0 => Noise(random, random.Next(0, 128)),
            1 => seed[..random.Next(0, seed.Length + 1)],
            2 => [.. seed, .. Noise(random, random.Next(1, 16))],
            _ => (byte[])seed.Clone(),
        };
        int edits = random.Next(0, 4);
        for (int i = 0; i < edits && frame.Length > 0; i++)
        {
            int at = random.Next(frame.Length);
            if (random.Next(2) == 0)
                frame[at] ^= (byte)(1 << random.Next(8));
            else
                frame[at] = (byte)random.Next(256);
        }
        return frame;
    }

    private static byte[] Noise(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
