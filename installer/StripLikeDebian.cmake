# CPack pre-build script (Linux): strips the staged programs as Debian's dh_strip does, removing
# the .comment and .note sections CPACK_STRIP_FILES keeps (lintian: binary-has-unneeded-section).
file(GLOB_RECURSE programs LIST_DIRECTORIES false "${CPACK_TEMPORARY_DIRECTORY}/*/bin/*")
foreach(program IN LISTS programs)
    execute_process(COMMAND "${CPACK_COSCORE_STRIP}" --remove-section=.comment
                            --remove-section=.note "${program}"
                    COMMAND_ERROR_IS_FATAL ANY)
endforeach()
