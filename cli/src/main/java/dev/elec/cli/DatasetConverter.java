package dev.elec.cli;

import dev.elec.replay.DatasetName;
import picocli.CommandLine.ITypeConverter;

/** Parses {@code movielens-100k|mind|synthetic} with a message listing the choices. */
final class DatasetConverter implements ITypeConverter<DatasetName> {
    @Override
    public DatasetName convert(String value) {
        return DatasetName.parse(value);
    }
}
