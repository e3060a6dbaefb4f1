-- V4__catalogue_seed.sql: the seed data set of the catalogue (DOMAIN.md section 1), version 2026.11-1.
--
-- What this is: a starting catalogue of real-world peering locations (metros) with, for each, at least one
-- Direct peering facility and the 10 Gbps / 100 Gbps bandwidth offers, a set of internet exchanges with
-- their public peering LANs, and the customer geography of Peering Service (states/provinces with a
-- representative point). Routers and CDN peering prefixes are operator data and are NOT seeded here.
-- The operator maintains all of it afterwards through /operator/v1/.
--
-- Provenance rules followed in this file:
--  * A PeeringDB id (direct_facility.peeringdb_facility_id = https://www.peeringdb.com/fac/<id>,
--    exchange_facility.peeringdb_facility_id = https://www.peeringdb.com/ix/<id>) is written only when a
--    public source names it; that source is recorded in the row's `source` column and described in the
--    comment above the row. Where no source was found the id and the source are NULL. No id was guessed.
--    (In this version every facility and exchange row below has a sourced id.)
--  * Main sources:
--      github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs
--        (a Microsoft Azure peering-location map: PeeringDB fac ids with street addresses for Direct
--         peering, PeeringDB ix ids with peering LAN prefixes for Exchange peering; commit 655b44ad)
--      github:chriselsen/dx-location-details/output/DX_LOCATIONS.md
--        (AWS Direct Connect locations linked to PeeringDB facility pages; used for facility names)
--      github:Azure/azure-powershell/src/Peering/Peering/help/Get-AzPeeringLocation.md and
--      github:MicrosoftDocs/azure-docs/articles/internet-peering/includes/direct-powershell-create-location.md
--        (Get-AzPeeringLocation examples: Frankfurt fac 58, Dublin fac 1065, Seattle fac 71)
--      github:nokia/SReXperts/Hackathon/ix-rpki-lab/README.md (AMS-IX ix 26, LINX LON1 ix 18 and its /21 LAN)
--  * Facility names come from the same sources where one names the building; otherwise the name is
--    derived from the recorded street address. Exchange LAN prefixes are as recorded in the sources and
--    may lag behind later LAN extensions. Microsoft's own addresses on the exchange LANs are operator
--    data and are left NULL.
--  * Coordinates are approximate city centres (4 decimals). azure_region is the nearest Azure region by
--    great-circle distance from that point to the region's published location, among the regions in the
--    same country when that country has one (otherwise among all regions); restricted-access regions
--    such as Germany North were not considered.
--  * All names are ASCII. Service-location state names are unique ignoring case across all countries.

-- ---------------------------------------------------------------------------------------------------
-- Peering locations (metros)
-- ---------------------------------------------------------------------------------------------------
insert into peering_location (name, country, azure_region, latitude, longitude) values
    -- Europe
    ('Amsterdam', 'Netherlands', 'West Europe', 52.3676, 4.9041),
    ('Frankfurt', 'Germany', 'Germany West Central', 50.1109, 8.6821),
    ('London', 'United Kingdom', 'UK South', 51.5074, -0.1278),
    ('Paris', 'France', 'France Central', 48.8566, 2.3522),
    ('Stockholm', 'Sweden', 'Sweden Central', 59.3293, 18.0686),
    ('Madrid', 'Spain', 'Spain Central', 40.4168, -3.7038),
    ('Milan', 'Italy', 'Italy North', 45.4642, 9.1900),
    ('Warsaw', 'Poland', 'Poland Central', 52.2297, 21.0122),
    ('Dublin', 'Ireland', 'North Europe', 53.3498, -6.2603),
    ('Zurich', 'Switzerland', 'Switzerland North', 47.3769, 8.5417),
    ('Vienna', 'Austria', 'Poland Central', 48.2082, 16.3738),
    ('Berlin', 'Germany', 'Germany West Central', 52.5200, 13.4050),
    ('Prague', 'Czech Republic', 'Germany West Central', 50.0755, 14.4378),
    ('Copenhagen', 'Denmark', 'Norway East', 55.6761, 12.5683),
    ('Marseille', 'France', 'France South', 43.2965, 5.3698),
    -- North America
    ('Seattle', 'United States', 'West US 2', 47.6062, -122.3321),
    ('Ashburn', 'United States', 'East US', 39.0438, -77.4874),
    ('Chicago', 'United States', 'North Central US', 41.8781, -87.6298),
    ('Dallas', 'United States', 'South Central US', 32.7767, -96.7970),
    ('Los Angeles', 'United States', 'West US', 34.0522, -118.2437),
    ('New York', 'United States', 'East US 2', 40.7128, -74.0060),
    ('San Jose', 'United States', 'West US', 37.3382, -121.8863),
    ('Miami', 'United States', 'East US 2', 25.7617, -80.1918),
    ('Atlanta', 'United States', 'East US', 33.7490, -84.3880),
    ('Denver', 'United States', 'West Central US', 39.7392, -104.9903),
    ('Honolulu', 'United States', 'West US', 21.3069, -157.8583),
    ('Toronto', 'Canada', 'Canada Central', 43.6532, -79.3832),
    ('Vancouver', 'Canada', 'Canada Central', 49.2827, -123.1207),
    -- South America
    ('Sao Paulo', 'Brazil', 'Brazil South', -23.5505, -46.6333),
    ('Rio de Janeiro', 'Brazil', 'Brazil Southeast', -22.9068, -43.1729),
    ('Santiago', 'Chile', 'Brazil South', -33.4489, -70.6693),
    -- Asia
    ('Singapore', 'Singapore', 'Southeast Asia', 1.3521, 103.8198),
    ('Tokyo', 'Japan', 'Japan East', 35.6762, 139.6503),
    ('Osaka', 'Japan', 'Japan West', 34.6937, 135.5023),
    ('Hong Kong', 'Hong Kong', 'East Asia', 22.3193, 114.1694),
    ('Mumbai', 'India', 'West India', 19.0760, 72.8777),
    ('Seoul', 'South Korea', 'Korea Central', 37.5665, 126.9780),
    ('Taipei', 'Taiwan', 'East Asia', 25.0330, 121.5654),
    ('Kuala Lumpur', 'Malaysia', 'Southeast Asia', 3.1390, 101.6869),
    -- Africa
    ('Johannesburg', 'South Africa', 'South Africa North', -26.2041, 28.0473),
    ('Cape Town', 'South Africa', 'South Africa West', -33.9249, 18.4241),
    -- Oceania
    ('Sydney', 'Australia', 'Australia East', -33.8688, 151.2093),
    ('Melbourne', 'Australia', 'Australia Southeast', -37.8136, 144.9631),
    ('Brisbane', 'Australia', 'Australia East', -27.4698, 153.0251),
    ('Perth', 'Australia', 'Australia Southeast', -31.9505, 115.8605),
    ('Auckland', 'New Zealand', 'New Zealand North', -36.8485, 174.7633);

-- ---------------------------------------------------------------------------------------------------
-- Direct peering facilities (one or more buildings per metro)
-- ---------------------------------------------------------------------------------------------------
insert into direct_facility (location_name, peeringdb_facility_id, name, address, direct_peering_type, source) values
    -- Amsterdam, fac 64: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 64.
    ('Amsterdam', 64, 'Digital Realty AMS7', 'Cessnalaan 1, Schiphol-Rijk', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Amsterdam, fac 1236: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Amsterdam', 1236, 'Amsterdam Zuidoost facility, Schepenbergweg 42', 'Schepenbergweg 42, Amsterdam', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Frankfurt, fac 58: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 58.
    -- Same fac 58 and address in Azure/azure-powershell src/Peering/Peering/help/Get-AzPeeringLocation.md.
    ('Frankfurt', 58, 'Digital Realty FRA6', 'Hanauer Landstrasse 298, Frankfurt am Main', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- London, fac 34: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name: 14 Coriander Avenue is Telehouse London Docklands per https://baxtel.com/data-center/telehouse-london-docklands-north-east-west.
    ('London', 34, 'Telehouse London Docklands', '14 Coriander Avenue, London', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- London, fac 40: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 40.
    ('London', 40, 'Digital Realty LHR20', 'Sovereign House, Marsh Wall, London', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Paris, fac 53: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 53.
    ('Paris', 53, 'Telehouse Voltaire', '137 Boulevard Voltaire, Paris', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Stockholm, fac 156: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 156.
    ('Stockholm', 156, 'Equinix Sweden SK1', 'Mariehallsvagen 36, Stockholm', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Madrid, fac 130: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 130.
    ('Madrid', 130, 'Digital Realty MAD2', 'Calle Albasanz 71, Madrid', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Milan, fac 1974: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Milan', 1974, 'Via Caldera 21 campus', 'Via Caldera 21, Milan', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Warsaw, fac 509: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 509.
    ('Warsaw', 509, 'Equinix WA1', 'Al. Jerozolimskie 65/79, Warsaw', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Dublin, fac 1065: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    -- Same fac 1065 and address in Azure/azure-powershell src/Peering/Peering/help/Get-AzPeeringLocation.md.
    ('Dublin', 1065, 'North West Business Park, Unit 2', 'Unit 2, North West Business Park, Dublin', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Zurich, fac 81: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 81.
    ('Zurich', 81, 'Digital Realty ZUR1', 'Sagereistrasse 35, Glattbrugg', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Vienna, fac 67: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 67.
    ('Vienna', 67, 'Digital Realty VIE2', 'Louis-Haefliger-Gasse 10, Vienna', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Berlin, fac 478: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Berlin', 478, 'Nonnendammallee 15 facility', 'Nonnendammallee 15, Berlin', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Prague, fac 214: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 214.
    ('Prague', 214, 'CE Colo', 'Nad Elektrarnou 1428/47, Prague', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Copenhagen, fac 148: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 148.
    ('Copenhagen', 148, 'Digital Realty CPH2', 'Industriparken 20A, Ballerup (Copenhagen)', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Marseille, fac 226: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 226.
    ('Marseille', 226, 'Digital Realty MRS1', '40 Avenue Roger Salengro, Marseille', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Seattle, fac 71: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    -- Same fac 71 and address in MicrosoftDocs/azure-docs articles/internet-peering/includes/direct-powershell-create-location.md.
    ('Seattle', 71, '2001 Sixth Avenue', '2001 Sixth Avenue, Seattle, WA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Seattle, fac 86: id and name 'Westin Building Exchange' from DX_LOCATIONS.md (chriselsen/dx-location-details);
    -- its map point (47.6144, -122.3389) is the 2001 Sixth Avenue building of fac 71 in StaticFile.cs.
    ('Seattle', 86, 'Westin Building Exchange', '2001 Sixth Avenue, Seattle, WA', 'Edge', 'github:chriselsen/dx-location-details/output/DX_LOCATIONS.md'),
    -- Ashburn, fac 1: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 1.
    ('Ashburn', 1, 'Equinix DC2/DC11', '21715 Filigree Court, Ashburn, VA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Chicago, fac 7: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 7.
    ('Chicago', 7, 'Equinix CH2', '350 E Cermak Rd, Chicago, IL', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Dallas, fac 69: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Dallas', 69, '1950 N Stemmons Fwy facility', '1950 N Stemmons Fwy, Dallas, TX', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Los Angeles, fac 19: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 19.
    ('Los Angeles', 19, 'CoreSite LA1', '624 S Grand Ave, Los Angeles, CA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Los Angeles, fac 8: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Los Angeles', 8, '600 W 7th St facility', '600 W 7th St, Los Angeles, CA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- New York, fac 38: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('New York', 38, '111 8th Avenue', '111 8th Avenue, New York, NY', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- San Jose, fac 6: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 6.
    ('San Jose', 6, 'Equinix SV5', '11 Great Oaks Blvd, San Jose, CA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Miami, fac 15: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 15.
    ('Miami', 15, 'Equinix MI1', '50 NE 9th St, Miami, FL', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Atlanta, fac 11: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Atlanta', 11, '56 Marietta St NW', '56 Marietta St NW, Atlanta, GA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Denver, fac 389: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 389.
    ('Denver', 389, 'CoreSite DE1', '910 15th Street, Denver, CO', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Honolulu, fac 2526: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Honolulu', 2526, '3375 Koapaka St facility', '3375 Koapaka St, Honolulu, HI', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Toronto, fac 775: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Toronto', 775, '151 Front Street West', '151 Front St W, Toronto, ON', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Vancouver, fac 1881: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 1881.
    ('Vancouver', 1881, 'Cologix VAN2', '1050 W Pender Street, Vancouver, BC', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sao Paulo, fac 165: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 165.
    ('Sao Paulo', 165, 'Equinix SP4', 'Avenida Ceci 1900, Barueri, SP', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sao Paulo, fac 1283: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Sao Paulo', 1283, 'Alameda Araguaia 3641 facility', 'Alameda Araguaia 3641, Barueri, SP', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Rio de Janeiro, fac 1899: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 1899.
    ('Rio de Janeiro', 1899, 'Equinix RJ2', 'Estrada Adhemar Bebiano 1380, Rio de Janeiro', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Santiago, fac 1779: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Santiago', 1779, 'Huechuraba facility', 'Santa Marta de Huechuraba 6951, Santiago', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Singapore, fac 282: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Singapore', 282, '20 Ayer Rajah Crescent', '20 Ayer Rajah Crescent, Singapore', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Singapore, fac 388: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 388.
    ('Singapore', 388, 'Global Switch Singapore', '2 Tai Seng Avenue, Singapore', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Tokyo, fac 142: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Tokyo', 142, 'Otemachi Building', 'Otemachi Building, Otemachi, Chiyoda-ku, Tokyo', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Osaka, fac 1157: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Osaka', 1157, 'NTT DATA Dojima Building', 'NTT DATA Dojima Bldg, Dojima, Kita-ku, Osaka', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Hong Kong, fac 170: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 170.
    ('Hong Kong', 170, 'Equinix HK1', '17/F Global Gateway, Tsuen Wan, Hong Kong', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Hong Kong, fac 225: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 225.
    ('Hong Kong', 225, 'iAdvantage MEGA-i', '399 Chai Wan Road, Chai Wan, Hong Kong', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Mumbai, fac 554: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Mumbai', 554, 'Kashinath Dhuru Marg facility', 'Kashinath Dhuru Marg, Mumbai', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Seoul, fac 143: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Seoul', 143, 'LG CNS Building, Gasan', '3F LG CNS Bldg, Gasan-dong, Seoul', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Taipei, fac 456: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 456.
    ('Taipei', 456, 'Chief Telecom LY', 'No. 250, Yang-Guang Street, Neihu District, Taipei', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Kuala Lumpur, fac 460: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 460.
    ('Kuala Lumpur', 460, 'Menara AIMS', 'Ground Floor, Menara AIMS, Kuala Lumpur', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Johannesburg, fac 850: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 850.
    ('Johannesburg', 850, 'Teraco JB1', '5 Brewery Street, Isando', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Cape Town, fac 1225: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 1225.
    ('Cape Town', 1225, 'Teraco CT1', 'Great Westerford Building, 240 Main Road, Cape Town', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sydney, fac 131: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Sydney', 131, '639 Gardeners Road', 'Unit B, 639 Gardeners Road, Mascot NSW', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sydney, fac 1660: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Sydney', 1660, '4 Eden Park Drive', '4 Eden Park Drive, Macquarie Park NSW', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Melbourne, fac 1339: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- name from DX_LOCATIONS.md (chriselsen/dx-location-details), which lists the same fac 1339.
    ('Melbourne', 1339, 'NEXTDC M1', '820 Lorimer Street, Port Melbourne VIC', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Brisbane, fac 1340: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Brisbane', 1340, '20 Wharf Street', '20 Wharf Street, Brisbane QLD', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Perth, fac 568: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Perth', 568, '1 William Street', '1 William Street, Perth WA', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Auckland, fac 1353: id and address from the Azure peering-location map (StaticFile.cs, GetFacilityLocationMap);
    -- no source names the building's operator, so the name is taken from the address.
    ('Auckland', 1353, '7A Parkhead Place', '7A Parkhead Place, Albany, Auckland', 'Edge', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs');

-- ---------------------------------------------------------------------------------------------------
-- Bandwidth offers for Direct peering: 10 Gbps and 100 Gbps everywhere
-- ---------------------------------------------------------------------------------------------------
insert into bandwidth_offer (location_name, offer_name, value_in_mbps) values
    ('Amsterdam', '10Gbps', 10000), ('Amsterdam', '100Gbps', 100000),
    ('Frankfurt', '10Gbps', 10000), ('Frankfurt', '100Gbps', 100000),
    ('London', '10Gbps', 10000), ('London', '100Gbps', 100000),
    ('Paris', '10Gbps', 10000), ('Paris', '100Gbps', 100000),
    ('Stockholm', '10Gbps', 10000), ('Stockholm', '100Gbps', 100000),
    ('Madrid', '10Gbps', 10000), ('Madrid', '100Gbps', 100000),
    ('Milan', '10Gbps', 10000), ('Milan', '100Gbps', 100000),
    ('Warsaw', '10Gbps', 10000), ('Warsaw', '100Gbps', 100000),
    ('Dublin', '10Gbps', 10000), ('Dublin', '100Gbps', 100000),
    ('Zurich', '10Gbps', 10000), ('Zurich', '100Gbps', 100000),
    ('Vienna', '10Gbps', 10000), ('Vienna', '100Gbps', 100000),
    ('Berlin', '10Gbps', 10000), ('Berlin', '100Gbps', 100000),
    ('Prague', '10Gbps', 10000), ('Prague', '100Gbps', 100000),
    ('Copenhagen', '10Gbps', 10000), ('Copenhagen', '100Gbps', 100000),
    ('Marseille', '10Gbps', 10000), ('Marseille', '100Gbps', 100000),
    ('Seattle', '10Gbps', 10000), ('Seattle', '100Gbps', 100000),
    ('Ashburn', '10Gbps', 10000), ('Ashburn', '100Gbps', 100000),
    ('Chicago', '10Gbps', 10000), ('Chicago', '100Gbps', 100000),
    ('Dallas', '10Gbps', 10000), ('Dallas', '100Gbps', 100000),
    ('Los Angeles', '10Gbps', 10000), ('Los Angeles', '100Gbps', 100000),
    ('New York', '10Gbps', 10000), ('New York', '100Gbps', 100000),
    ('San Jose', '10Gbps', 10000), ('San Jose', '100Gbps', 100000),
    ('Miami', '10Gbps', 10000), ('Miami', '100Gbps', 100000),
    ('Atlanta', '10Gbps', 10000), ('Atlanta', '100Gbps', 100000),
    ('Denver', '10Gbps', 10000), ('Denver', '100Gbps', 100000),
    ('Honolulu', '10Gbps', 10000), ('Honolulu', '100Gbps', 100000),
    ('Toronto', '10Gbps', 10000), ('Toronto', '100Gbps', 100000),
    ('Vancouver', '10Gbps', 10000), ('Vancouver', '100Gbps', 100000),
    ('Sao Paulo', '10Gbps', 10000), ('Sao Paulo', '100Gbps', 100000),
    ('Rio de Janeiro', '10Gbps', 10000), ('Rio de Janeiro', '100Gbps', 100000),
    ('Santiago', '10Gbps', 10000), ('Santiago', '100Gbps', 100000),
    ('Singapore', '10Gbps', 10000), ('Singapore', '100Gbps', 100000),
    ('Tokyo', '10Gbps', 10000), ('Tokyo', '100Gbps', 100000),
    ('Osaka', '10Gbps', 10000), ('Osaka', '100Gbps', 100000),
    ('Hong Kong', '10Gbps', 10000), ('Hong Kong', '100Gbps', 100000),
    ('Mumbai', '10Gbps', 10000), ('Mumbai', '100Gbps', 100000),
    ('Seoul', '10Gbps', 10000), ('Seoul', '100Gbps', 100000),
    ('Taipei', '10Gbps', 10000), ('Taipei', '100Gbps', 100000),
    ('Kuala Lumpur', '10Gbps', 10000), ('Kuala Lumpur', '100Gbps', 100000),
    ('Johannesburg', '10Gbps', 10000), ('Johannesburg', '100Gbps', 100000),
    ('Cape Town', '10Gbps', 10000), ('Cape Town', '100Gbps', 100000),
    ('Sydney', '10Gbps', 10000), ('Sydney', '100Gbps', 100000),
    ('Melbourne', '10Gbps', 10000), ('Melbourne', '100Gbps', 100000),
    ('Brisbane', '10Gbps', 10000), ('Brisbane', '100Gbps', 100000),
    ('Perth', '10Gbps', 10000), ('Perth', '100Gbps', 100000),
    ('Auckland', '10Gbps', 10000), ('Auckland', '100Gbps', 100000);

-- ---------------------------------------------------------------------------------------------------
-- Internet exchanges. peeringdb_facility_id is the exchange's PeeringDB ix id. Unless noted otherwise,
-- ix id and peering LAN (IPv4/IPv6) are as listed for that exchange in the GetDeviceMap() /
-- GetFacilityLocationMap() data of github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs.
-- microsoft_ipv4_address / microsoft_ipv6_address are operator data: NULL here.
-- ---------------------------------------------------------------------------------------------------
insert into exchange_facility (location_name, peeringdb_facility_id, exchange_name, bandwidth_in_mbps,
                               microsoft_ipv4_address, microsoft_ipv6_address, facility_ipv4_prefix,
                               facility_ipv6_prefix, source) values
    -- Amsterdam: AMS-IX, ix 26, LAN 80.249.208.0/21 / 2001:7f8:1::/64, from the Azure peering-location map (StaticFile.cs).
    -- ix 26 for AMS-IX also in nokia/SReXperts Hackathon/ix-rpki-lab/README.md; LAN also in
    -- coloclue/kees vars_example/generic.yml (ixp_map amsix).
    ('Amsterdam', 26, 'AMS-IX', 10000, null, null, '80.249.208.0/21', '2001:7f8:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Amsterdam: NL-ix, ix 64, LAN 193.239.116.0/22 / 2001:7f8:13::/64, from the Azure peering-location map (StaticFile.cs).
    ('Amsterdam', 64, 'NL-ix', 10000, null, null, '193.239.116.0/22', '2001:7f8:13::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Frankfurt: DE-CIX Frankfurt, ix 31, LAN 80.81.192.0/21 / 2001:7f8::/64, from the Azure peering-location map (StaticFile.cs).
    -- ix 31 for DE-CIX Frankfurt also on the AS213151 peering page (AS213151/as213151.github.io _pages/peering.md).
    ('Frankfurt', 31, 'DE-CIX Frankfurt', 10000, null, null, '80.81.192.0/21', '2001:7f8::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- London: LINX LON1, ix 18 and IPv6 LAN 2001:7f8:4::/64 from the Azure peering-location map (StaticFile.cs,
    -- which records IPv4 195.66.224.0/22); the current IPv4 LAN 195.66.224.0/21 and ix 18 are stated in
    -- nokia/SReXperts Hackathon/ix-rpki-lab/README.md (commit e24e0dbf).
    ('London', 18, 'LINX LON1', 10000, null, null, '195.66.224.0/21', '2001:7f8:4::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs ; github:nokia/SReXperts/Hackathon/ix-rpki-lab/README.md'),
    -- Paris: France-IX Paris, ix 359, LAN 37.49.236.0/22 / 2001:7f8:54::/64, from the Azure peering-location map (StaticFile.cs).
    ('Paris', 359, 'France-IX Paris', 10000, null, null, '37.49.236.0/22', '2001:7f8:54::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Paris: Equinix Paris, ix 255, LAN 195.42.144.0/23 / 2001:7f8:43::/64, from the Azure peering-location map (StaticFile.cs).
    ('Paris', 255, 'Equinix Paris', 10000, null, null, '195.42.144.0/23', '2001:7f8:43::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Stockholm: STHIX - Stockholm, ix 172, LAN 192.121.80.0/24 / 2001:7f8:3e::/64, from the Azure peering-location map (StaticFile.cs).
    ('Stockholm', 172, 'STHIX - Stockholm', 10000, null, null, '192.121.80.0/24', '2001:7f8:3e::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Madrid: ESPANIX Madrid Lower LAN, ix 63, LAN 193.149.1.0/24 / 2001:7f8:f::/64, from the Azure peering-location map (StaticFile.cs).
    ('Madrid', 63, 'ESPANIX Madrid Lower LAN', 10000, null, null, '193.149.1.0/24', '2001:7f8:f::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Madrid: DE-CIX Madrid, ix 1277, LAN 185.1.68.0/24 / 2001:7f8:a0::/64, from the Azure peering-location map (StaticFile.cs).
    ('Madrid', 1277, 'DE-CIX Madrid', 10000, null, null, '185.1.68.0/24', '2001:7f8:a0::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Milan: MIX-IT, ix 35, LAN 217.29.66.0/23 / 2001:7f8:b:100::/64, from the Azure peering-location map (StaticFile.cs).
    ('Milan', 35, 'MIX-IT', 10000, null, null, '217.29.66.0/23', '2001:7f8:b:100::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Warsaw: Equinix Warsaw (PLIX), ix 264, LAN 195.182.218.0/23 / 2001:7f8:42::/48, from the Azure peering-location map (StaticFile.cs).
    ('Warsaw', 264, 'Equinix Warsaw (PLIX)', 10000, null, null, '195.182.218.0/23', '2001:7f8:42::/48', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Dublin: INEX LAN1, ix 48, LAN 185.6.36.0/23 / 2001:7f8:18::/64, from the Azure peering-location map (StaticFile.cs).
    ('Dublin', 48, 'INEX LAN1', 10000, null, null, '185.6.36.0/23', '2001:7f8:18::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Zurich: SwissIX, ix 60, LAN 91.206.52.0/23 / 2001:7f8:24::/64, from the Azure peering-location map (StaticFile.cs).
    ('Zurich', 60, 'SwissIX', 10000, null, null, '91.206.52.0/23', '2001:7f8:24::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Vienna: VIX, ix 50, LAN 193.203.0.0/23 / 2001:7f8:30::/64, from the Azure peering-location map (StaticFile.cs).
    ('Vienna', 50, 'VIX', 10000, null, null, '193.203.0.0/23', '2001:7f8:30::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Berlin: BCIX, ix 87, LAN 193.178.185.0/24 / 2001:7f8:19:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Berlin', 87, 'BCIX', 10000, null, null, '193.178.185.0/24', '2001:7f8:19:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Prague: Peering.cz, ix 713, LAN 91.213.211.0/24 / 2001:7f8:7f::/64, from the Azure peering-location map (StaticFile.cs).
    ('Prague', 713, 'Peering.cz', 10000, null, null, '91.213.211.0/24', '2001:7f8:7f::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Copenhagen: DIX, ix 78, LAN 192.38.7.0/24 / 2001:7f8:1f::/64, from the Azure peering-location map (StaticFile.cs).
    ('Copenhagen', 78, 'DIX', 10000, null, null, '192.38.7.0/24', '2001:7f8:1f::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Marseille: France-IX Marseille, ix 880, LAN 37.49.232.0/24 / 2001:7f8:54:5::/64, from the Azure peering-location map (StaticFile.cs).
    ('Marseille', 880, 'France-IX Marseille', 10000, null, null, '37.49.232.0/24', '2001:7f8:54:5::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Seattle: SIX Seattle, ix 13, LAN 206.81.80.0/23 / 2001:504:16::/64, from the Azure peering-location map (StaticFile.cs).
    -- (the source records the IPv4 LAN as /23; the exchange may have extended it since).
    ('Seattle', 13, 'SIX Seattle', 10000, null, null, '206.81.80.0/23', '2001:504:16::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Ashburn: Equinix Ashburn, ix 1, LAN 206.126.236.0/22 / 2001:504:0:2::/64, from the Azure peering-location map (StaticFile.cs).
    ('Ashburn', 1, 'Equinix Ashburn', 10000, null, null, '206.126.236.0/22', '2001:504:0:2::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Chicago: AMS-IX Chicago, ix 944, LAN 206.108.115.0/24 / 2001:504:38:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Chicago', 944, 'AMS-IX Chicago', 10000, null, null, '206.108.115.0/24', '2001:504:38:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Dallas: Equinix Dallas, ix 3, LAN 206.223.118.0/24 / 2001:504:0:5::/64, from the Azure peering-location map (StaticFile.cs).
    ('Dallas', 3, 'Equinix Dallas', 10000, null, null, '206.223.118.0/24', '2001:504:0:5::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Los Angeles: Equinix Los Angeles, ix 4, LAN 206.223.123.0/24 / 2001:504:0:3::/64, from the Azure peering-location map (StaticFile.cs).
    ('Los Angeles', 4, 'Equinix Los Angeles', 10000, null, null, '206.223.123.0/24', '2001:504:0:3::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- New York: Equinix New York, ix 12, LAN 198.32.118.0/24 / 2001:504:f::/64, from the Azure peering-location map (StaticFile.cs).
    ('New York', 12, 'Equinix New York', 10000, null, null, '198.32.118.0/24', '2001:504:f::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- New York: NYIIX, ix 14, LAN 198.32.160.0/24 / 2001:504:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('New York', 14, 'NYIIX', 10000, null, null, '198.32.160.0/24', '2001:504:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- San Jose: Equinix San Jose, ix 5, LAN 206.223.116.0/23 / 2001:504:0:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('San Jose', 5, 'Equinix San Jose', 10000, null, null, '206.223.116.0/23', '2001:504:0:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Miami: Equinix Miami (formerly NOTA), ix 17, LAN 198.32.124.0/23 / 2001:478:124::/64, from the Azure peering-location map (StaticFile.cs).
    ('Miami', 17, 'Equinix Miami (formerly NOTA)', 10000, null, null, '198.32.124.0/23', '2001:478:124::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Atlanta: Equinix Atlanta, ix 9, LAN 198.32.182.0/24 / 2001:504:10::/64, from the Azure peering-location map (StaticFile.cs).
    ('Atlanta', 9, 'Equinix Atlanta', 10000, null, null, '198.32.182.0/24', '2001:504:10::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Honolulu: DRF IX, ix 267, LAN 206.197.210.0/24 / 2606:7c80:3375:50::/64, from the Azure peering-location map (StaticFile.cs).
    -- Also shown in the Get-AzPeeringLocation example (Azure/azure-powershell help/Get-AzPeeringLocation.md).
    ('Honolulu', 267, 'DRF IX', 10000, null, null, '206.197.210.0/24', '2606:7c80:3375:50::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Toronto: TorIX, ix 24, LAN 206.108.34.0/23 / 2001:504:1a::34:0/111, from the Azure peering-location map (StaticFile.cs).
    ('Toronto', 24, 'TorIX', 10000, null, null, '206.108.34.0/23', '2001:504:1a::34:0/111', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Vancouver: VANIX, ix 863, LAN 206.41.104.0/24 / 2001:504:39::/64, from the Azure peering-location map (StaticFile.cs).
    ('Vancouver', 863, 'VANIX', 10000, null, null, '206.41.104.0/24', '2001:504:39::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sao Paulo: IX.br (PTT.br) Sao Paulo, ix 171, LAN 187.16.216.0/21 / 2001:12f8::/64, from the Azure peering-location map (StaticFile.cs).
    ('Sao Paulo', 171, 'IX.br (PTT.br) Sao Paulo', 10000, null, null, '187.16.216.0/21', '2001:12f8::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sao Paulo: Equinix Sao Paulo, ix 119, LAN 198.32.122.0/24 / 2001:478:122::/64, from the Azure peering-location map (StaticFile.cs).
    ('Sao Paulo', 119, 'Equinix Sao Paulo', 10000, null, null, '198.32.122.0/24', '2001:478:122::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Rio de Janeiro: IX.br (PTT.br) Rio de Janeiro, ix 177, LAN 45.6.52.0/22 / 2001:12f8:0:2::/64, from the Azure peering-location map (StaticFile.cs).
    ('Rio de Janeiro', 177, 'IX.br (PTT.br) Rio de Janeiro', 10000, null, null, '45.6.52.0/22', '2001:12f8:0:2::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Santiago: PIT Santiago - PIT Chile, ix 1514, LAN 200.23.206.0/24 / 2801:14:9000::/64, from the Azure peering-location map (StaticFile.cs).
    ('Santiago', 1514, 'PIT Santiago - PIT Chile', 10000, null, null, '200.23.206.0/24', '2801:14:9000::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Singapore: Equinix Singapore, ix 158, LAN 27.111.228.0/22 / 2001:de8:4::/64, from the Azure peering-location map (StaticFile.cs).
    ('Singapore', 158, 'Equinix Singapore', 10000, null, null, '27.111.228.0/22', '2001:de8:4::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Singapore: SGIX, ix 429, LAN 103.16.102.0/23 / 2001:de8:12:100::/64, from the Azure peering-location map (StaticFile.cs).
    ('Singapore', 429, 'SGIX', 10000, null, null, '103.16.102.0/23', '2001:de8:12:100::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Tokyo: JPIX TOKYO, ix 30, LAN 210.171.224.0/23 / 2001:de8:8::/64, from the Azure peering-location map (StaticFile.cs).
    ('Tokyo', 30, 'JPIX TOKYO', 10000, null, null, '210.171.224.0/23', '2001:de8:8::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Tokyo: Equinix Tokyo, ix 167, LAN 203.190.230.0/24 / 2001:de8:5::/64, from the Azure peering-location map (StaticFile.cs).
    ('Tokyo', 167, 'Equinix Tokyo', 10000, null, null, '203.190.230.0/24', '2001:de8:5::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Osaka: JPIX OSAKA, ix 564, LAN 103.246.232.0/24 / 2001:de8:8:6::/64, from the Azure peering-location map (StaticFile.cs).
    ('Osaka', 564, 'JPIX OSAKA', 10000, null, null, '103.246.232.0/24', '2001:de8:8:6::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Hong Kong: HKIX, ix 42, LAN 123.255.88.0/21 / 2001:7fa:0:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Hong Kong', 42, 'HKIX', 10000, null, null, '123.255.88.0/21', '2001:7fa:0:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Mumbai: Extreme IX Mumbai, ix 1627, LAN 103.77.108.0/24 / 2001:df2:1900:2::/64, from the Azure peering-location map (StaticFile.cs).
    ('Mumbai', 1627, 'Extreme IX Mumbai', 10000, null, null, '103.77.108.0/24', '2001:df2:1900:2::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Mumbai: AMS-IX India, ix 1623, LAN 223.31.200.0/24 / 2001:e48:44:100b::/64, from the Azure peering-location map (StaticFile.cs).
    ('Mumbai', 1623, 'AMS-IX India', 10000, null, null, '223.31.200.0/24', '2001:e48:44:100b::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Seoul: KINX, ix 52, LAN 192.145.251.0/24 / 2001:7fa:8::/64, from the Azure peering-location map (StaticFile.cs).
    ('Seoul', 52, 'KINX', 10000, null, null, '192.145.251.0/24', '2001:7fa:8::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Taipei: TPIX-TW, ix 823, LAN 203.163.222.0/24 / 2406:d400:1:133:203:163:222:0/112, from the Azure peering-location map (StaticFile.cs).
    ('Taipei', 823, 'TPIX-TW', 10000, null, null, '203.163.222.0/24', '2406:d400:1:133:203:163:222:0/112', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Kuala Lumpur: MyIX, ix 250, LAN 218.100.44.0/24 / 2001:de8:10::/48, from the Azure peering-location map (StaticFile.cs).
    ('Kuala Lumpur', 250, 'MyIX', 10000, null, null, '218.100.44.0/24', '2001:de8:10::/48', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Johannesburg: NAPAfrica IX Johannesburg, ix 592, LAN 196.60.8.0/23 / 2001:43f8:6d0::/64, from the Azure peering-location map (StaticFile.cs).
    ('Johannesburg', 592, 'NAPAfrica IX Johannesburg', 10000, null, null, '196.60.8.0/23', '2001:43f8:6d0::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Cape Town: NAPAfrica IX Cape Town, ix 597, LAN 196.10.140.0/24 / 2001:43f8:6d1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Cape Town', 597, 'NAPAfrica IX Cape Town', 10000, null, null, '196.10.140.0/24', '2001:43f8:6d1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sydney: Equinix Sydney, ix 94, LAN 45.127.172.0/22 / 2001:de8:6::/64, from the Azure peering-location map (StaticFile.cs).
    ('Sydney', 94, 'Equinix Sydney', 10000, null, null, '45.127.172.0/22', '2001:de8:6::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sydney: MegaIX Sydney, ix 780, LAN 103.26.68.0/23 / 2001:dea:0:10::/64, from the Azure peering-location map (StaticFile.cs).
    ('Sydney', 780, 'MegaIX Sydney', 10000, null, null, '103.26.68.0/23', '2001:dea:0:10::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Sydney: New South Wales Internet Exchange, ix 716, LAN 218.100.52.0/23 / 2001:7fa:11:4::/64, from the Azure peering-location map (StaticFile.cs).
    ('Sydney', 716, 'New South Wales Internet Exchange', 10000, null, null, '218.100.52.0/23', '2001:7fa:11:4::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Melbourne: Victorian Internet Exchange, ix 513, LAN 218.100.78.0/24 / 2001:7fa:11:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Melbourne', 513, 'Victorian Internet Exchange', 10000, null, null, '218.100.78.0/24', '2001:7fa:11:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Melbourne: Equinix Melbourne, ix 1026, LAN 183.177.61.0/24 / 2001:de8:6:1::/64, from the Azure peering-location map (StaticFile.cs).
    ('Melbourne', 1026, 'Equinix Melbourne', 10000, null, null, '183.177.61.0/24', '2001:de8:6:1::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Brisbane: Queensland Internet Exchange, ix 576, LAN 218.100.76.0/24 / 2001:7fa:11:2::/64, from the Azure peering-location map (StaticFile.cs).
    ('Brisbane', 576, 'Queensland Internet Exchange', 10000, null, null, '218.100.76.0/24', '2001:7fa:11:2::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Perth: West Australian Internet Exchange (WAIX), ix 21, LAN 198.32.212.0/24 / 2001:7fa:11::/64, from the Azure peering-location map (StaticFile.cs).
    ('Perth', 21, 'West Australian Internet Exchange (WAIX)', 10000, null, null, '198.32.212.0/24', '2001:7fa:11::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Auckland: AKL-IX, ix 977, LAN 43.243.21.0/24 / 2001:7fa:11:6::/64, from the Azure peering-location map (StaticFile.cs).
    ('Auckland', 977, 'AKL-IX', 10000, null, null, '43.243.21.0/24', '2001:7fa:11:6::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs'),
    -- Auckland: APE, ix 97, LAN 192.203.154.0/24 / 2001:7fa:4:c0cb::/64, from the Azure peering-location map (StaticFile.cs).
    ('Auckland', 97, 'APE', 10000, null, null, '192.203.154.0/24', '2001:7fa:4:c0cb::/64', 'github:rileymckenna/azure-powershell@655b44ad/src/Peering/Peering/Common/StaticFile.cs');

-- ---------------------------------------------------------------------------------------------------
-- Peering Service customer geography. Representative point = the capital or main city named in the
-- comment; azure_region = nearest region to that point.
-- ---------------------------------------------------------------------------------------------------
insert into service_location (state, country, azure_region, latitude, longitude) values
    ('Alabama', 'United States', 'East US', 33.5186, -86.8104), -- Birmingham
    ('Alaska', 'United States', 'West US 2', 61.2181, -149.9003), -- Anchorage
    ('Arizona', 'United States', 'West US 3', 33.4484, -112.0740), -- Phoenix
    ('Arkansas', 'United States', 'Central US', 34.7465, -92.2896), -- Little Rock
    ('California', 'United States', 'West US', 34.0522, -118.2437), -- Los Angeles
    ('Colorado', 'United States', 'West Central US', 39.7392, -104.9903), -- Denver
    ('Connecticut', 'United States', 'East US 2', 41.7658, -72.6734), -- Hartford
    ('Delaware', 'United States', 'East US 2', 39.7391, -75.5398), -- Wilmington
    ('District of Columbia', 'United States', 'East US 2', 38.9072, -77.0369), -- Washington
    ('Florida', 'United States', 'East US 2', 25.7617, -80.1918), -- Miami
    ('Georgia', 'United States', 'East US', 33.7490, -84.3880), -- Atlanta
    ('Hawaii', 'United States', 'West US', 21.3069, -157.8583), -- Honolulu
    ('Idaho', 'United States', 'West US 2', 43.6150, -116.2023), -- Boise
    ('Illinois', 'United States', 'North Central US', 41.8781, -87.6298), -- Chicago
    ('Indiana', 'United States', 'North Central US', 39.7684, -86.1581), -- Indianapolis
    ('Iowa', 'United States', 'Central US', 41.5868, -93.6250), -- Des Moines
    ('Kansas', 'United States', 'Central US', 37.6872, -97.3301), -- Wichita
    ('Kentucky', 'United States', 'North Central US', 38.2527, -85.7585), -- Louisville
    ('Louisiana', 'United States', 'South Central US', 29.9511, -90.0715), -- New Orleans
    ('Maine', 'United States', 'East US 2', 43.6591, -70.2568), -- Portland
    ('Maryland', 'United States', 'East US 2', 39.2904, -76.6122), -- Baltimore
    ('Massachusetts', 'United States', 'East US 2', 42.3601, -71.0589), -- Boston
    ('Michigan', 'United States', 'North Central US', 42.3314, -83.0458), -- Detroit
    ('Minnesota', 'United States', 'Central US', 44.9778, -93.2650), -- Minneapolis
    ('Mississippi', 'United States', 'South Central US', 32.2988, -90.1848), -- Jackson
    ('Missouri', 'United States', 'Central US', 39.0997, -94.5786), -- Kansas City
    ('Montana', 'United States', 'West Central US', 45.7833, -108.5007), -- Billings
    ('Nebraska', 'United States', 'Central US', 41.2565, -95.9345), -- Omaha
    ('Nevada', 'United States', 'West US 3', 36.1699, -115.1398), -- Las Vegas
    ('New Hampshire', 'United States', 'East US 2', 42.9956, -71.4548), -- Manchester
    ('New Jersey', 'United States', 'East US 2', 40.7357, -74.1724), -- Newark
    ('New Mexico', 'United States', 'West US 3', 35.0844, -106.6504), -- Albuquerque
    ('New York', 'United States', 'East US 2', 40.7128, -74.0060), -- New York City
    ('North Carolina', 'United States', 'East US', 35.2271, -80.8431), -- Charlotte
    ('North Dakota', 'United States', 'Central US', 46.8772, -96.7898), -- Fargo
    ('Ohio', 'United States', 'East US', 39.9612, -82.9988), -- Columbus
    ('Oklahoma', 'United States', 'South Central US', 35.4676, -97.5164), -- Oklahoma City
    ('Oregon', 'United States', 'West US 2', 45.5152, -122.6784), -- Portland
    ('Pennsylvania', 'United States', 'East US 2', 39.9526, -75.1652), -- Philadelphia
    ('Rhode Island', 'United States', 'East US 2', 41.8240, -71.4128), -- Providence
    ('South Carolina', 'United States', 'East US 2', 34.0007, -81.0348), -- Columbia
    ('South Dakota', 'United States', 'Central US', 43.5446, -96.7311), -- Sioux Falls
    ('Tennessee', 'United States', 'East US', 36.1627, -86.7816), -- Nashville
    ('Texas', 'United States', 'South Central US', 29.7604, -95.3698), -- Houston
    ('Utah', 'United States', 'West Central US', 40.7608, -111.8910), -- Salt Lake City
    ('Vermont', 'United States', 'East US', 44.4759, -73.2121), -- Burlington
    ('Virginia', 'United States', 'East US 2', 37.5407, -77.4360), -- Richmond
    ('Washington', 'United States', 'West US 2', 47.6062, -122.3321), -- Seattle
    ('West Virginia', 'United States', 'East US', 38.3498, -81.6326), -- Charleston
    ('Wisconsin', 'United States', 'North Central US', 43.0389, -87.9065), -- Milwaukee
    ('Wyoming', 'United States', 'West Central US', 41.1400, -104.8202), -- Cheyenne
    ('Ontario', 'Canada', 'Canada Central', 43.6532, -79.3832), -- Toronto
    ('Quebec', 'Canada', 'Canada East', 45.5017, -73.5673), -- Montreal
    ('British Columbia', 'Canada', 'Canada Central', 49.2827, -123.1207), -- Vancouver
    ('Alberta', 'Canada', 'Canada Central', 51.0447, -114.0719), -- Calgary
    ('Noord-Holland', 'Netherlands', 'West Europe', 52.3676, 4.9041), -- Amsterdam
    ('Zuid-Holland', 'Netherlands', 'West Europe', 51.9244, 4.4777), -- Rotterdam
    ('Utrecht', 'Netherlands', 'West Europe', 52.0907, 5.1214), -- Utrecht
    ('Noord-Brabant', 'Netherlands', 'West Europe', 51.4416, 5.4697), -- Eindhoven
    ('Hessen', 'Germany', 'Germany West Central', 50.1109, 8.6821), -- Frankfurt
    ('Bayern', 'Germany', 'Germany West Central', 48.1351, 11.5820), -- Munich
    ('Berlin', 'Germany', 'Germany West Central', 52.5200, 13.4050), -- Berlin
    ('Hamburg', 'Germany', 'Germany West Central', 53.5511, 9.9937), -- Hamburg
    ('Nordrhein-Westfalen', 'Germany', 'Germany West Central', 50.9375, 6.9603), -- Cologne
    ('Baden-Wuerttemberg', 'Germany', 'Germany West Central', 48.7758, 9.1829), -- Stuttgart
    ('England', 'United Kingdom', 'UK South', 51.5074, -0.1278), -- London
    ('Scotland', 'United Kingdom', 'UK West', 55.9533, -3.1883), -- Edinburgh
    ('Wales', 'United Kingdom', 'UK South', 51.4816, -3.1791), -- Cardiff
    ('Northern Ireland', 'United Kingdom', 'UK West', 54.5973, -5.9301), -- Belfast
    ('Ile-de-France', 'France', 'France Central', 48.8566, 2.3522), -- Paris
    ('Provence-Alpes-Cote d''Azur', 'France', 'France South', 43.2965, 5.3698), -- Marseille
    ('Auvergne-Rhone-Alpes', 'France', 'France Central', 45.7640, 4.8357), -- Lyon
    ('Leinster', 'Ireland', 'North Europe', 53.3498, -6.2603), -- Dublin
    ('Stockholm County', 'Sweden', 'Sweden Central', 59.3293, 18.0686), -- Stockholm
    ('Community of Madrid', 'Spain', 'Spain Central', 40.4168, -3.7038), -- Madrid
    ('Catalonia', 'Spain', 'Spain Central', 41.3874, 2.1686), -- Barcelona
    ('Lombardy', 'Italy', 'Italy North', 45.4642, 9.1900), -- Milan
    ('Masovian Voivodeship', 'Poland', 'Poland Central', 52.2297, 21.0122), -- Warsaw
    ('Canton of Zurich', 'Switzerland', 'Switzerland North', 47.3769, 8.5417), -- Zurich
    ('Capital Region of Denmark', 'Denmark', 'Norway East', 55.6761, 12.5683), -- Copenhagen
    ('New South Wales', 'Australia', 'Australia East', -33.8688, 151.2093), -- Sydney
    ('Victoria', 'Australia', 'Australia Southeast', -37.8136, 144.9631), -- Melbourne
    ('Queensland', 'Australia', 'Australia East', -27.4698, 153.0251), -- Brisbane
    ('Western Australia', 'Australia', 'Australia Southeast', -31.9505, 115.8605), -- Perth
    ('Auckland Region', 'New Zealand', 'New Zealand North', -36.8485, 174.7633), -- Auckland
    ('Sao Paulo State', 'Brazil', 'Brazil South', -23.5505, -46.6333), -- Sao Paulo
    ('Rio de Janeiro State', 'Brazil', 'Brazil Southeast', -22.9068, -43.1729), -- Rio de Janeiro
    ('Santiago Metropolitan Region', 'Chile', 'Brazil South', -33.4489, -70.6693), -- Santiago
    ('Singapore', 'Singapore', 'Southeast Asia', 1.3521, 103.8198), -- Singapore
    ('Tokyo Metropolis', 'Japan', 'Japan East', 35.6762, 139.6503), -- Tokyo
    ('Osaka Prefecture', 'Japan', 'Japan West', 34.6937, 135.5023), -- Osaka
    ('Hong Kong', 'Hong Kong', 'East Asia', 22.3193, 114.1694), -- Hong Kong
    ('Maharashtra', 'India', 'West India', 19.0760, 72.8777), -- Mumbai
    ('Karnataka', 'India', 'South India', 12.9716, 77.5946), -- Bengaluru
    ('Tamil Nadu', 'India', 'South India', 13.0827, 80.2707), -- Chennai
    ('Delhi', 'India', 'West India', 28.6139, 77.2090), -- New Delhi
    ('Seoul', 'South Korea', 'Korea Central', 37.5665, 126.9780), -- Seoul
    ('Taipei City', 'Taiwan', 'East Asia', 25.0330, 121.5654), -- Taipei
    ('Kuala Lumpur Federal Territory', 'Malaysia', 'Southeast Asia', 3.1390, 101.6869), -- Kuala Lumpur
    ('Gauteng', 'South Africa', 'South Africa North', -26.2041, 28.0473), -- Johannesburg
    ('Western Cape', 'South Africa', 'South Africa West', -33.9249, 18.4241); -- Cape Town

-- ---------------------------------------------------------------------------------------------------
-- Seed version
-- ---------------------------------------------------------------------------------------------------
insert into catalogue_seed (version) values ('2026.11-1');
