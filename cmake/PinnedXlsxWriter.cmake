# coscore_xlsxwriter — the libxlsxwriter that coscore::exports links (and nothing else may).
#
# By default a pinned libxlsxwriter 1.1.4 — Debian's own source tarball, checked against a pinned
# SHA-256 — is built at configure time as a static library with the patches of
# COSCORE_XLSXWRITER_PATCHES, applied in order (cmake/patches/: -compression-level,
# lxw_workbook_options gains `compression_level`; -packager-threads, `packager_threads`: the
# worksheets of a streamed workbook assembled and deflated on several threads at close, so the
# library needs Threads; -number-cells, number cells written without fprintf) and
# USE_DTOA_LIBRARY (locale-free, faster number formatting). The large streamed workbooks are then
# zipped at zlib level 1, two sheets at a time: at L that was most of the export time.
# Same version and otherwise Debian's options (system minizip, tmpfileplus temporary files; no
# MD5, below), so files are as before apart from the zip level and the number text: emyg_dtoa
# writes each double so that it reads back exactly (19.999999999999996, where "%.16G" wrote 20).
# The library is always an optimised build, whatever CMAKE_BUILD_TYPE is here.
#
# Whenever that is not possible (COSCORE_PINNED_XLSXWRITER=OFF, no network, wrong hash, no
# `patch`, a failed build) it falls back, with a warning, to Debian's shared library
# (libxlsxwriter-dev), which has neither option: exports are then correct but slower. Code tests
# COSCORE_XLSX_COMPRESSION_LEVEL (defined only for the pinned build) and the header's
# LXW_HAS_PACKAGER_THREADS.
#
# Offline: -DCOSCORE_XLSXWRITER_URL=file:///path/to/libxlsxwriter_1.1.4.orig.tar.gz
include_guard(GLOBAL)

option(COSCORE_PINNED_XLSXWRITER
       "Build the pinned libxlsxwriter 1.1.4 with a zip compression level (else use the system's)"
       ON)
set(COSCORE_XLSXWRITER_URL
    "http://deb.debian.org/debian/pool/main/libx/libxlsxwriter/libxlsxwriter_1.1.4.orig.tar.gz"
    CACHE STRING "Where to fetch libxlsxwriter 1.1.4's source tarball (file:// works offline)")

# SHA-256 of Debian's libxlsxwriter_1.1.4.orig.tar.gz (as listed in libxlsxwriter_1.1.4-2.dsc).
set(COSCORE_XLSXWRITER_SHA256 b379eb35fdd9c653ebe72485b9c992f612c7ea66f732784457997d6e782f619b)
# Applied in this order (a patch's context may include the lines of those before it).
set(COSCORE_XLSXWRITER_PATCHES
    ${CMAKE_CURRENT_LIST_DIR}/patches/libxlsxwriter-1.1.4-compression-level.patch
    ${CMAKE_CURRENT_LIST_DIR}/patches/libxlsxwriter-1.1.4-packager-threads.patch
    ${CMAKE_CURRENT_LIST_DIR}/patches/libxlsxwriter-1.1.4-number-cells.patch)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${COSCORE_XLSXWRITER_PATCHES})

add_library(coscore_xlsxwriter INTERFACE)

# coscore_build_pinned_xlsxwriter(OUT_OK) — downloads, checks, patches, builds and installs the
# library under ${CMAKE_BINARY_DIR}/_deps/xlsxwriter (once: a stamp records what was built).
# Sets OUT_OK to TRUE and coscore_xlsxwriter_* in the caller's scope, or OUT_OK to FALSE and
# coscore_xlsxwriter_why to the reason.
function(coscore_build_pinned_xlsxwriter out_ok)
    set(${out_ok} FALSE PARENT_SCOPE)
    set(root ${CMAKE_BINARY_DIR}/_deps/xlsxwriter)
    set(tarball ${root}/libxlsxwriter_1.1.4.orig.tar.gz)
    set(src ${root}/src)
    set(build ${root}/build)
    set(prefix ${root}/install)
    set(log ${root}/build.log)
    set(library ${prefix}/lib/${CMAKE_STATIC_LIBRARY_PREFIX}xlsxwriter${CMAKE_STATIC_LIBRARY_SUFFIX})

    find_package(ZLIB QUIET)
    if(NOT ZLIB_FOUND)
        set(coscore_xlsxwriter_why "zlib's headers are missing (zlib1g-dev)" PARENT_SCOPE)
        return()
    endif()
    # Debian builds libxlsxwriter on the system minizip; without libminizip-dev the copy in the
    # tarball (the same minizip 1.1) is compiled in instead.
    pkg_check_modules(COSCORE_MINIZIP QUIET IMPORTED_TARGET minizip)
    if(COSCORE_MINIZIP_FOUND)
        set(system_minizip ON)
    else()
        set(system_minizip OFF)
    endif()

    # Debian's hardening flags (the library ends up in the packaged programs); its own warnings
    # stay in its log and never meet our -Werror.
    set(c_flags "-fstack-protector-strong -D_FORTIFY_SOURCE=2 -w")
    set(args
        -G "${CMAKE_GENERATOR}"
        -DCMAKE_BUILD_TYPE=RelWithDebInfo
        "-DCMAKE_C_COMPILER=${CMAKE_C_COMPILER}"
        "-DCMAKE_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
        "-DCMAKE_C_FLAGS=${c_flags}"
        "-DCMAKE_INSTALL_PREFIX=${prefix}"
        -DCMAKE_INSTALL_LIBDIR=lib
        -DCMAKE_INSTALL_INCLUDEDIR=include
        -DCMAKE_POSITION_INDEPENDENT_CODE=ON
        -DBUILD_SHARED_LIBS=OFF
        -DBUILD_TESTS=OFF
        -DBUILD_EXAMPLES=OFF
        -DUSE_SYSTEM_MINIZIP=${system_minizip}
        -DUSE_DTOA_LIBRARY=ON
        # MD5 only de-duplicates inserted images (CoScore inserts none). Its bundled MD5_Init
        # would clash with libcrypto's, which our programs load; Debian links libcrypto instead.
        -DUSE_NO_MD5=ON)
    if(CMAKE_MAKE_PROGRAM)
        list(APPEND args "-DCMAKE_MAKE_PROGRAM=${CMAKE_MAKE_PROGRAM}")
    endif()
    if(CMAKE_TOOLCHAIN_FILE)
        list(APPEND args "-DCMAKE_TOOLCHAIN_FILE=${CMAKE_TOOLCHAIN_FILE}")
    endif()

    # The stamp's key: tarball, every patch (in order), options and compiler. Any change rebuilds.
    set(patch_sha256 "")
    foreach(patch IN LISTS COSCORE_XLSXWRITER_PATCHES)
        file(SHA256 ${patch} sha256)
        list(APPEND patch_sha256 ${sha256})
    endforeach()
    string(SHA256 key "${COSCORE_XLSXWRITER_SHA256};${patch_sha256};${args};${CMAKE_C_COMPILER_ID};${CMAKE_C_COMPILER_VERSION}")
    set(stamp ${root}/built.stamp)
    set(coscore_xlsxwriter_prefix ${prefix} PARENT_SCOPE)
    set(coscore_xlsxwriter_library ${library} PARENT_SCOPE)
    set(coscore_xlsxwriter_system_minizip ${system_minizip} PARENT_SCOPE)
    if(EXISTS ${stamp} AND EXISTS ${library})
        file(READ ${stamp} built_key)
        if(built_key STREQUAL key)
            set(${out_ok} TRUE PARENT_SCOPE)
            return()
        endif()
    endif()
    file(REMOVE_RECURSE ${src} ${build} ${prefix} ${stamp})
    file(MAKE_DIRECTORY ${root})

    # 1. The tarball, kept in the build folder: downloaded once, checked every time.
    set(have_tarball FALSE)
    if(EXISTS ${tarball})
        file(SHA256 ${tarball} sha256)
        if(sha256 STREQUAL COSCORE_XLSXWRITER_SHA256)
            set(have_tarball TRUE)
        endif()
    endif()
    if(NOT have_tarball)
        message(STATUS "libxlsxwriter 1.1.4: downloading ${COSCORE_XLSXWRITER_URL}")
        file(DOWNLOAD ${COSCORE_XLSXWRITER_URL} ${tarball}.part
             STATUS status INACTIVITY_TIMEOUT 30 TIMEOUT 600)
        list(GET status 0 code)
        if(NOT code EQUAL 0)
            list(GET status 1 reason)
            file(REMOVE ${tarball}.part)
            set(coscore_xlsxwriter_why
                "could not download ${COSCORE_XLSXWRITER_URL} (${reason})" PARENT_SCOPE)
            return()
        endif()
        file(SHA256 ${tarball}.part sha256)
        if(NOT sha256 STREQUAL COSCORE_XLSXWRITER_SHA256)
            file(REMOVE ${tarball}.part)
            set(coscore_xlsxwriter_why "${COSCORE_XLSXWRITER_URL} has SHA-256 ${sha256}, not the pinned ${COSCORE_XLSXWRITER_SHA256}"
                PARENT_SCOPE)
            return()
        endif()
        file(RENAME ${tarball}.part ${tarball})
    endif()

    # 2. Only what the library's build reads (the tarball is mostly docs and tests).
    set(top libxlsxwriter-RELEASE_1.1.4)
    file(ARCHIVE_EXTRACT INPUT ${tarball} DESTINATION ${root}/unpack
         PATTERNS ${top}/CMakeLists.txt ${top}/License.txt ${top}/cmake ${top}/include
                  ${top}/src ${top}/third_party ${top}/dev/release)
    if(NOT EXISTS ${root}/unpack/${top}/CMakeLists.txt)
        set(coscore_xlsxwriter_why "${tarball} did not unpack" PARENT_SCOPE)
        return()
    endif()
    file(RENAME ${root}/unpack/${top} ${src})
    file(REMOVE_RECURSE ${root}/unpack)

    # 3. The patches, then configure, build and install into the build folder (not our install).
    find_program(COSCORE_PATCH_EXECUTABLE patch)
    if(NOT COSCORE_PATCH_EXECUTABLE)
        set(coscore_xlsxwriter_why "no `patch` program (Debian package patch)" PARENT_SCOPE)
        return()
    endif()
    message(STATUS "libxlsxwriter 1.1.4: patching and building (static; log in ${log})")
    file(WRITE ${log} "")
    set(steps "")
    foreach(patch IN LISTS COSCORE_XLSXWRITER_PATCHES)
        list(APPEND steps "patch:${patch}")
    endforeach()
    list(APPEND steps configure build install)
    foreach(step IN LISTS steps)
        if(step MATCHES "^patch:(.*)$")
            set(command ${COSCORE_PATCH_EXECUTABLE} -p1 --batch --forward -i ${CMAKE_MATCH_1})
            get_filename_component(patch_name ${CMAKE_MATCH_1} NAME)
            set(step "patch (${patch_name})")
        elseif(step STREQUAL "configure")
            set(command ${CMAKE_COMMAND} -S ${src} -B ${build} ${args})
        elseif(step STREQUAL "build")
            set(command ${CMAKE_COMMAND} --build ${build} --parallel)
        else()
            set(command ${CMAKE_COMMAND} --install ${build})
        endif()
        execute_process(COMMAND ${command} WORKING_DIRECTORY ${src} RESULT_VARIABLE result
                        OUTPUT_VARIABLE output ERROR_VARIABLE output)
        string(REPLACE ";" " " shown "${command}")
        file(APPEND ${log} "$ ${shown}\n${output}(result: ${result})\n\n")
        if(NOT result EQUAL 0)
            set(coscore_xlsxwriter_why "its ${step} step failed (see ${log})" PARENT_SCOPE)
            return()
        endif()
    endforeach()
    if(NOT EXISTS ${library} OR NOT EXISTS ${prefix}/include/xlsxwriter.h)
        set(coscore_xlsxwriter_why "its build made no ${library} (see ${log})" PARENT_SCOPE)
        return()
    endif()
    foreach(feature IN ITEMS LXW_HAS_COMPRESSION_LEVEL LXW_HAS_PACKAGER_THREADS)
        file(STRINGS ${prefix}/include/xlsxwriter/workbook.h patched REGEX "define ${feature}")
        if(NOT patched)
            set(coscore_xlsxwriter_why "the installed workbook.h lacks ${feature} (a patch)"
                PARENT_SCOPE)
            return()
        endif()
    endforeach()
    file(WRITE ${stamp} "${key}")
    set(${out_ok} TRUE PARENT_SCOPE)
endfunction()

set(COSCORE_XLSXWRITER_IS_PINNED FALSE)
if(COSCORE_PINNED_XLSXWRITER)
    coscore_build_pinned_xlsxwriter(pinned_ok)
    if(pinned_ok)
        add_library(coscore_xlsxwriter_pinned STATIC IMPORTED)
        set_target_properties(coscore_xlsxwriter_pinned PROPERTIES
            IMPORTED_LOCATION ${coscore_xlsxwriter_library}
            # Imported include folders are SYSTEM: our warnings stay off libxlsxwriter's headers.
            INTERFACE_INCLUDE_DIRECTORIES ${coscore_xlsxwriter_prefix}/include)
        if(coscore_xlsxwriter_system_minizip)
            target_link_libraries(coscore_xlsxwriter_pinned INTERFACE PkgConfig::COSCORE_MINIZIP)
        endif()
        # The packager-threads patch starts POSIX threads inside the static library.
        find_package(Threads REQUIRED)
        target_link_libraries(coscore_xlsxwriter_pinned INTERFACE ZLIB::ZLIB Threads::Threads)
        target_link_libraries(coscore_xlsxwriter INTERFACE coscore_xlsxwriter_pinned)
        target_compile_definitions(coscore_xlsxwriter INTERFACE COSCORE_XLSX_COMPRESSION_LEVEL=1)
        set(COSCORE_XLSXWRITER_IS_PINNED TRUE)
        if(coscore_xlsxwriter_system_minizip)
            set(minizip "system minizip")
        else()
            set(minizip "bundled minizip: install libminizip-dev for the system's")
        endif()
        set(patches "")
        foreach(patch IN LISTS COSCORE_XLSXWRITER_PATCHES)
            get_filename_component(name ${patch} NAME)
            string(REGEX REPLACE "^libxlsxwriter-[0-9.]+-(.*)\\.patch$" "\\1" name ${name})
            list(APPEND patches ${name})
        endforeach()
        string(REPLACE ";" ", " patches "${patches}")
        message(STATUS "libxlsxwriter: pinned 1.1.4 + patches (${patches}), static, emyg_dtoa, "
                       "${minizip}")
    else()
        message(WARNING "libxlsxwriter: the pinned 1.1.4 could not be built: "
                        "${coscore_xlsxwriter_why}. Falling back to the system libxlsxwriter "
                        "(libxlsxwriter-dev), which has no zip compression level and packages "
                        "one sheet at a time: exports stay correct but large ones are slower "
                        "(zlib's default level). Fix the cause "
                        "and reconfigure, or set -DCOSCORE_PINNED_XLSXWRITER=OFF to silence this.")
    endif()
endif()
if(NOT COSCORE_XLSXWRITER_IS_PINNED)
    pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
    target_link_libraries(coscore_xlsxwriter INTERFACE PkgConfig::XLSXWRITER)
    if(NOT COSCORE_PINNED_XLSXWRITER)
        message(STATUS "libxlsxwriter: the system's ${XLSXWRITER_VERSION} "
                       "(COSCORE_PINNED_XLSXWRITER=OFF)")
    endif()
endif()
