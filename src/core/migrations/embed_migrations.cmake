# Writes a C++ source holding every migrations/NNNN_*.sql file as a raw string (cmake -P).
# Inputs: SOURCE_DIR (the migrations folder), OUTPUT (the .cpp to write).
file(GLOB sql_files "${SOURCE_DIR}/[0-9][0-9][0-9][0-9]_*.sql")
list(SORT sql_files)
set(body "")
foreach(f IN LISTS sql_files)
    get_filename_component(name "${f}" NAME)
    string(SUBSTRING "${name}" 0 4 number)
    math(EXPR version "${number}")
    file(READ "${f}" sql)
    string(APPEND body "    {${version}, \"${name}\", R\"coscore_sql(${sql})coscore_sql\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from src/core/migrations/*.sql by embed_migrations.cmake.\n"
     "#include \"migrations.hpp\"\n\nnamespace coscore::core\n{\n"
     "namespace\n{\nconstexpr Migration kMigrations[] = {\n${body}};\n}\n\n"
     "std::span<const Migration> AllMigrations()\n{\n    return kMigrations;\n}\n\n"
     "} // namespace coscore::core\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
