# Proves that the configure-time layering check (cmake/CheckBannedIncludes.cmake) stops a tree
# that breaks the layering, and passes one that keeps it. Each case is a small source tree
# written under WORK with a CMakeLists.txt that runs the check, configured for real.
# Usage: cmake -DMODULE=cmake/CheckBannedIncludes.cmake -DWORK=DIR -P layering_test.cmake
cmake_minimum_required(VERSION 3.25)

# check_tree(NAME FILE CONTENT EXPECT) — EXPECT is "pass" or a text the refusal must contain.
function(check_tree name file content expect)
    set(tree "${WORK}/${name}")
    file(REMOVE_RECURSE "${tree}")
    file(WRITE "${tree}/scoring/ok.cpp" "#include <vector>\n")
    file(WRITE "${tree}/${file}" "${content}")
    file(WRITE "${tree}/CMakeLists.txt"
         "cmake_minimum_required(VERSION 3.25)\nproject(layering NONE)\n"
         "include(\"${MODULE}\")\ncoscore_check_layering()\n")
    execute_process(COMMAND "${CMAKE_COMMAND}" -S "${tree}" -B "${tree}/build"
                    RESULT_VARIABLE result ERROR_VARIABLE err OUTPUT_QUIET)
    if(expect STREQUAL "pass")
        if(NOT result EQUAL 0)
            message(SEND_ERROR "${name}: a clean tree was refused:\n${err}")
        endif()
    elseif(result EQUAL 0)
        message(SEND_ERROR "${name}: ${file} breaks the layering, yet the check passed")
    elseif(NOT err MATCHES "${expect}")
        message(SEND_ERROR "${name}: refused without naming '${expect}':\n${err}")
    endif()
endfunction()

check_tree(clean "forms/src/page.cpp" "#include <wx/panel.h>\n" pass)
check_tree(scoring_wx "scoring/src/rank.cpp" "#include <wx/string.h>\n" "scoring/src/rank.cpp")
check_tree(scoring_files "scoring/src/io.cpp" "#include <fstream>\n" "fstream")
check_tree(core_wx "src/core/src/w.cpp" "#include <wx/log.h>\n" "src/core/src/w.cpp")
check_tree(exports_sqlite "exports/src/x.cpp" "#include <sqlite3.h>\n" "sqlite3")
check_tree(forms_sqlite "forms/src/p.cpp" "#include <sqlite3.h>\n" "only src/core/sqlite/")
check_tree(cli_xlsx "src/cli/c.cpp" "#include \"xlsxwriter.h\"\n" "xlsxwriter")
check_tree(core_strtod "src/core/src/n.cpp" "double f(const char* s) { return strtod(s, 0); }\n"
           "from_chars")
