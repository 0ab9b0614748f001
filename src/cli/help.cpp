// SPDX-License-Identifier: MIT
#include "commands.hpp"

namespace coscore::cli
{

std::string HelpText()
{
    return R"(Usage: coscore-cli COMMAND [ARGUMENTS]

CoScore: fair, recorded scoring and decisions for co-produced grants panels.
Every command leaves the round file whole: a refused change changes nothing.

Commands:
  demo ROUND.coscore                 write the bundled demo round
  new ROUND.coscore --title TEXT     create an empty round
  import ROUND.coscore [--funds F] [--criteria F] [--members F] [--bids F] [--interests F]
                       [--scores F] [--sheet TABLE=SHEET ...] [--map TABLE.FIELD=COLUMN ...]
                       [--fund NAME] [--encoding windows-1252] [--decimal-comma]
                       [--accept-warnings]
                                     add rows from CSV or XLSX files, all or nothing, with a
                                     validation report (--sheet: which sheet of a workbook;
                                     --encoding: a CSV saved as "ANSI"; --decimal-comma:
                                     1.234,50 in a ;-separated CSV)
  policy ROUND.coscore [--rank-by mean|median|olympic|zmean|adjusted] [--allocation skip|stop]
                       [--flag-range PCT] [--flag-iqr PCT] [--flag-sd PCT] [--flag-outlier PCT]
                       [--flag-voice-gap PCT] [--snsf-mode on|off] [--seed N]
                       [--set NAME=VALUE ...] [--json]
                                     show the policy, or change it (recorded in the audit log)
  reconcile ROUND.coscore [--fund NAME] [--json]
                                     ranked list per fund with figures, flags and funding line
  reliability (ROUND.coscore | --ratings F.csv) [--json]
                                     how well the panel agrees (alpha, ICC, Kendall's W)
  rank --ratings F.csv --fundable M [--method mean|bootstrap|bayes] [--seed N]
       [--scale MIN:MAX] [--json]    rank any ratings file (unit,rater,value) with uncertainty
  export ROUND.coscore [--awards F.xlsx] [--matrix F.xlsx] [--report F.xlsx]
                       [--feedback F.xlsx] [--audit F.csv] [--csv DIR] [--all DIR]
                                     award list, scoring matrix, panel report, feedback, audit
  verify ROUND.coscore [--json]      check integrity, schema and the audit chain

Options:
  --help, -h       this text
  --version, -V    the version

Exit status: 0 success; 1 refused input, failed check or other failure (with a message that
says what to do); 2 wrong arguments.
)";
}

} // namespace coscore::cli
