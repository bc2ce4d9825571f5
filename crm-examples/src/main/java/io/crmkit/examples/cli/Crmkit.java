package io.crmkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code crmkit} program: {@code java -jar crm-examples/target/crmkit.jar COMMAND [OPTIONS]}.
 * Each command is a picocli subcommand added in {@link #commandLine(MatchEngine)}; every command
 * gets {@code --help} with the exit codes of {@link ExitCodes}, {@code --version}, and the same
 * handling of errors: a {@link CliException} prints its message and exits with its code, a wrong
 * command line exits with {@link ExitCodes#USAGE}, anything else with {@link ExitCodes#FAILURE}.
 */
@Command(name = "crmkit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
    headerHeading = "%n", header = "crmkit on the command line: customer data jobs on files.",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nExample:%n",
    footer = "  crmkit dedup customers.csv -c id=客户编号 -c fullName=客户名称 -c phones=手机  (see crmkit dedup --help)")
public final class Crmkit implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  private Crmkit() {}

  /** Hibernate Validator announces its version at start-up: not for this program's users (warnings still show). */
  private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

  /**
   * Runs the program and exits with one of {@link ExitCodes}.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) {
    VALIDATOR_LOG.setLevel(Level.WARNING);
    System.exit(commandLine(new CoreMatchEngine(), true).execute(args));
  }

  /**
   * The program with its commands, as tests execute it: with an engine of their own, in a JVM that
   * is not the program's own (so its compilers are left alone).
   *
   * @param engine what {@code dedup} matches with
   */
  static CommandLine commandLine(MatchEngine engine) {
    return commandLine(engine, false);
  }

  /**
   * The program with its commands.
   *
   * @param engine what {@code dedup} matches with
   * @param ownJvm whether the JVM is the program's alone, to be tuned for a short run ({@link ShortRunCompilation})
   */
  static CommandLine commandLine(MatchEngine engine, boolean ownJvm) {
    CommandLine commandLine = new CommandLine(new Crmkit())
        .addSubcommand(new CommandLine.HelpCommand())
        .addSubcommand(new DemoCommand())
        .addSubcommand(new ImportCommand())
        .addSubcommand(new DedupCommand(engine, ownJvm))
        .addSubcommand(new SegmentCommand())
        .addSubcommand(new QualityCommand())
        .addSubcommand(new ReportCommand())
        .addSubcommand(new ExportCommand())
        .addSubcommand(new BackupCommand())
        .addSubcommand(new RestoreCommand())
        .addSubcommand(new ClvCommand())
        .addSubcommand(new RfmCommand())
        .addSubcommand(new AnonymizeCommand());
    configure(commandLine);
    return commandLine;
  }

  /** Asked for no command: say which there are. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Name a command: " + String.join(", ",
        spec.commandLine().getSubcommands().keySet()));
  }

  /** Gives a command and its subcommands the shared version, exit codes and error handling. */
  private static void configure(CommandLine commandLine) {
    commandLine.getCommandSpec().versionProvider(new Version());
    commandLine.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.described());
    commandLine.setExecutionExceptionHandler(Crmkit::failed);
    commandLine.setParameterExceptionHandler(Crmkit::misused);
    commandLine.getSubcommands().values().forEach(Crmkit::configure);
  }

  private static int failed(Exception exception, CommandLine command, CommandLine.ParseResult parsed) {
    PrintWriter err = command.getErr();
    if (exception instanceof CliException expected) {
      err.println(name(command) + ": " + expected.getMessage());
      err.flush();
      return expected.exitCode();
    }
    err.println(name(command) + ": failed: " + exception);
    exception.printStackTrace(err);
    err.flush();
    return ExitCodes.FAILURE;
  }

  private static int misused(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(name(command) + ": " + exception.getMessage());
    err.println("Try '" + name(command) + " --help'.");
    err.flush();
    return ExitCodes.USAGE;
  }

  private static String name(CommandLine command) {
    return command.getCommandSpec().qualifiedName();
  }

  /** The version the build wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Crmkit.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"crmkit " + properties.getProperty("version", "(version unknown)"),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
