package com.novaquant.ids;

import com.novaquant.architecture.ArchitectureRules;
import com.novaquant.architecture.ModuleClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

@AnalyzeClasses(locations = ModuleClasses.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
}
