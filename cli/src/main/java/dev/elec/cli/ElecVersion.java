package dev.elec.cli;

import picocli.CommandLine.IVersionProvider;

final class ElecVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Elec.class.getPackage().getImplementationVersion();
        return new String[] {"elec " + (version == null ? "development build" : version)};
    }
}
