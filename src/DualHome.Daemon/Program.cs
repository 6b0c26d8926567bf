namespace DualHome.Daemon; public static class Program { public static int Main(string[] args) { System.Console.WriteLine("dualhomed 0.1.0"); return 0; } }
