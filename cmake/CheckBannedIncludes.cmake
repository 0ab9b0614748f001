# Configure-time layering check: stops the configure step when a folder includes a header its
# layer must never see (STYLE.md §1), or calls a locale-dependent number parser below forms/.

# coscore_ban_includes(FOLDER REGEX... ) — fail if any source under FOLDER includes a match.
function(coscore_ban_includes folder)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
         "${CMAKE_SOURCE_DIR}/${folder}/*.cpp" "${CMAKE_SOURCE_DIR}/${folder}/*.hpp"
         "${CMAKE_SOURCE_DIR}/${folder}/*.h" "${CMAKE_SOURCE_DIR}/${folder}/*.cc")
    foreach(banned IN LISTS ARGN)
        foreach(f IN LISTS sources)
            file(STRINGS "${f}" hit REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]${banned}")
            if(hit)
                file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${f}")
                message(FATAL_ERROR "Layering: ${rel} includes '${hit}', which ${folder}/ must "
                                    "never see (STYLE.md section 1).")
            endif()
        endforeach()
    endforeach()
endfunction()

# coscore_ban_calls(FOLDER EXCEPT_FOLDER REGEX...) — fail on locale-dependent parsing calls.
function(coscore_ban_calls folder)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
         "${CMAKE_SOURCE_DIR}/${folder}/*.cpp" "${CMAKE_SOURCE_DIR}/${folder}/*.hpp")
    foreach(banned IN LISTS ARGN)
        foreach(f IN LISTS sources)
            file(STRINGS "${f}" hit REGEX "(^|[^A-Za-z0-9_:.])${banned}[ \t]*\\(")
            if(hit)
                file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${f}")
                message(FATAL_ERROR "Banned call in ${rel}: '${hit}'. Use std::from_chars "
                                    "(locale-free) below forms/.")
            endif()
        endforeach()
    endforeach()
endfunction()

# The only places a C API header may appear.
function(coscore_ban_outside header allowed_folder)
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
         "${CMAKE_SOURCE_DIR}/scoring/*.[ch]pp" "${CMAKE_SOURCE_DIR}/src/*.[ch]pp"
         "${CMAKE_SOURCE_DIR}/exports/*.[ch]pp" "${CMAKE_SOURCE_DIR}/forms/*.[ch]pp")
    foreach(f IN LISTS sources)
        string(FIND "${f}" "${CMAKE_SOURCE_DIR}/${allowed_folder}" pos)
        if(NOT pos EQUAL 0)
            file(STRINGS "${f}" hit REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]${header}")
            if(hit)
                file(RELATIVE_PATH rel "${CMAKE_SOURCE_DIR}" "${f}")
                message(FATAL_ERROR "Layering: ${rel} includes ${header}; only "
                                    "${allowed_folder} may (STYLE.md section 1).")
            endif()
        endif()
    endforeach()
endfunction()

function(coscore_check_layering)
    coscore_ban_includes(scoring "wx/" "sqlite3" "xlsxwriter" "zip" "expat" "fstream"
                         "iostream" "cstdio" "filesystem" "sodium")
    coscore_ban_includes(exports "wx/" "sqlite3")
    coscore_ban_includes(src/core "wx/" "xlsxwriter")
    coscore_ban_includes(src/cli "wx/" "xlsxwriter")
    coscore_ban_outside("sqlite3\\.h" "src/core/sqlite/")
    coscore_ban_outside("xlsxwriter\\.h" "exports/src/xlsx_writer")
    foreach(folder scoring src/core src/cli exports)
        coscore_ban_calls(${folder} "atof" "strtod" "std::stod" "stod")
    endforeach()
endfunction()
