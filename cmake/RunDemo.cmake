# Runs CoScore on the demo round: the GUI when a display exists, else the CLI writing the demo
# round and its exports into OUT. Called by the run-demo target (cmake -P).
if(DEFINED ENV{DISPLAY} OR DEFINED ENV{WAYLAND_DISPLAY})
    message(STATUS "Opening the demo round in CoScore (close the window to finish)")
    execute_process(COMMAND "${GUI}" --demo RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "CoScore exited with ${rc}")
    endif()
    return()
endif()
message(STATUS "No display: running the command-line tool on the demo round into ${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(REMOVE "${OUT}/demo.coscore")
foreach(step IN ITEMS
        "demo;${OUT}/demo.coscore"
        "verify;${OUT}/demo.coscore"
        "reconcile;${OUT}/demo.coscore"
        "export;${OUT}/demo.coscore;--all;${OUT}")
    execute_process(COMMAND "${CLI}" ${step} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "coscore-cli ${step} failed (${rc})")
    endif()
endforeach()
message(STATUS "Done: the demo round and its exports are in ${OUT}")
