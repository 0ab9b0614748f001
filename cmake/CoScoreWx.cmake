# coscore::wx — the only way a target sees wxWidgets. Debian keeps wx headers off the default
# include path, so a target that does not link this cannot include <wx/...> (STYLE.md §1).
find_package(wxWidgets 3.2 REQUIRED COMPONENTS core base)
add_library(coscore_wx INTERFACE)
add_library(coscore::wx ALIAS coscore_wx)
target_include_directories(coscore_wx SYSTEM INTERFACE ${wxWidgets_INCLUDE_DIRS})
target_compile_definitions(coscore_wx INTERFACE ${wxWidgets_DEFINITIONS})
target_compile_options(coscore_wx INTERFACE ${wxWidgets_CXX_FLAGS})
target_link_libraries(coscore_wx INTERFACE ${wxWidgets_LIBRARIES})
