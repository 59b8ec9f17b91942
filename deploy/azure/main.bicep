// retbot for one RET in Azure, in an EU region: the Azure Bot (Teams and Direct Line
// channels), two or more retbot replicas in Azure Container Apps, PostgreSQL Flexible Server
// on a private network, Key Vault for the keys and secrets, Log Analytics for the logs.
//
// main.json beside this file is the same template as ARM JSON, so that it deploys without the
// Bicep CLI (az deployment group create --template-file main.json …). Keep the two the same:
// tests/test_deploy_files.py compares their parameters, resources and outputs.
// The step-by-step guide: docs/livegang.md.

targetScope = 'resourceGroup'

@description('Short name of the RET, used in resource names: lowercase letters and digits, e.g. twente.')
@minLength(2)
@maxLength(12)
param retName string

@description('The RET\'s name as people read it, e.g. RET Jeugd Twente.')
param retDisplayName string

@description('The host name retbot is reached on, e.g. retbot.ret-twente.nl. Empty: the Container App\'s own address (bind your domain later, see the guide).')
param publicHostName string = ''

@description('Azure region for everything but the bot: an EU region.')
@allowed([
  'westeurope'
  'northeurope'
  'swedencentral'
  'germanywestcentral'
  'francecentral'
])
param location string = 'westeurope'

@description('Where the Azure Bot keeps its data: westeurope is the regional (EU) bot; global only if a channel you need is not offered regionally.')
@allowed([
  'westeurope'
  'global'
])
param botLocation string = 'westeurope'

@description('How the bot proves who it is: ClientSecret (a single-tenant app registration and its secret) or UserManagedIdentity (no secret; made here).')
@allowed([
  'ClientSecret'
  'UserManagedIdentity'
])
param botIdentity string = 'ClientSecret'

@description('ClientSecret only: the application (client) id of the single-tenant app registration.')
param botAppId string = ''

@description('ClientSecret only: a client secret of that app registration.')
@secure()
param botAppSecret string = ''

@description('The retbot image, e.g. myregistry.azurecr.io/retbot:1.0.0.')
param containerImage string

@description('Name of the Azure Container Registry in this resource group that holds the image (the identity gets AcrPull on it); empty for a public image.')
param registryName string = ''

@description('The RET file (YAML), its whole content: az deployment group create … --parameters retConfig=@ret.yaml')
param retConfig string

@description('RETBOT_DATA_KEY: Fernet key(s) that encrypt case data. Keep a copy outside Azure.')
@secure()
param dataKey string

@description('RETBOT_LINK_KEY: signs the links retbot sends.')
@secure()
param linkKey string

@description('RETBOT_MONITOR_KEY: keys the pseudonyms of the RET-monitor export. Keep a copy.')
@secure()
param monitorKey string

@description('RETBOT_METRICS_TOKEN: the bearer token GET /metrics asks for.')
@secure()
param metricsToken string

@description('Password of the database\'s administrator (retbot).')
@secure()
param postgresPassword string

@description('The Direct Line secret for /aanmelden; empty on the first deployment (the channel is made by it), then copied from the portal.')
@secure()
param directLineSecret string = ''

@description('SMTP server for retbot\'s e-mail; empty: e-mails wait in the outbox.')
param smtpHost string = ''

param smtpPort int = 587
param smtpUsername string = ''

@secure()
param smtpPassword string = ''

@description('Sender of retbot\'s e-mail, e.g. RET Jeugd Twente <ret@ret-twente.nl>.')
param mailFrom string = ''

@description('Websites that may show /aanmelden in an iframe, space-separated.')
param embedOrigins string = ''

@description('Let retbot install itself for members through Microsoft Graph (needs ClientSecret and the Graph permission, see the guide).')
param graphInstall bool = false

@minValue(2)
param minReplicas int = 2

@minValue(2)
param maxReplicas int = 4

@description('PostgreSQL compute: Standard_B1ms (Burstable) suits one RET.')
param postgresSku string = 'Standard_B1ms'

@allowed([
  'Burstable'
  'GeneralPurpose'
])
param postgresTier string = 'Burstable'

@description('Days of point-in-time restore for the database (7 to 35).')
@minValue(7)
@maxValue(35)
param backupRetentionDays int = 35

var prefix = 'retbot-${retName}'
var isManagedIdentity = botIdentity == 'UserManagedIdentity'
var appName = prefix
var workspaceName = '${prefix}-logs'
var identityName = '${prefix}-identity'
var networkName = '${prefix}-network'
var databaseZoneName = '${prefix}.private.postgres.database.azure.com'
var databaseServerName = take('${prefix}-db-${uniqueString(resourceGroup().id)}', 63)
var vaultName = take('kv-${retName}-${uniqueString(resourceGroup().id)}', 24)
var environmentName = '${prefix}-apps'
var botName = '${prefix}-bot'
var publicHost = empty(publicHostName) ? '${appName}.${appsEnvironment.properties.defaultDomain}' : publicHostName
var directLineUrl = botLocation == 'westeurope' ? 'https://europe.directline.botframework.com' : 'https://directline.botframework.com'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var acrPull = '7f951dda-4ed3-4680-a7ca-43fe172d538d'
var databaseName = 'retbot'
var vaultSecrets = {
  dataKey: 'retbot-data-key'
  linkKey: 'retbot-link-key'
  monitorKey: 'retbot-monitor-key'
  metricsToken: 'retbot-metrics-token'
  databaseUrl: 'retbot-database-url'
  botSecret: 'retbot-bot-secret'
  directLine: 'retbot-directline-secret'
  smtpPassword: 'retbot-smtp-password'
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: 90
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
}

resource network 'Microsoft.Network/virtualNetworks@2023-11-01' = {
  name: networkName
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: [
        '10.40.0.0/16'
      ]
    }
    subnets: [
      {
        name: 'apps'
        properties: {
          addressPrefix: '10.40.0.0/23'
          delegations: [
            {
              name: 'apps'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'database'
        properties: {
          addressPrefix: '10.40.2.0/24'
          delegations: [
            {
              name: 'database'
              properties: {
                serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
              }
            }
          ]
        }
      }
    ]
  }
}

resource databaseZone 'Microsoft.Network/privateDnsZones@2020-06-01' = {
  name: databaseZoneName
  location: 'global'
}

resource databaseZoneLink 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2020-06-01' = {
  parent: databaseZone
  name: 'network'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: {
      id: network.id
    }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: databaseServerName
  location: location
  sku: {
    name: postgresSku
    tier: postgresTier
  }
  properties: {
    version: '16'
    administratorLogin: 'retbot'
    administratorLoginPassword: postgresPassword
    storage: {
      storageSizeGB: 32
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: backupRetentionDays
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      delegatedSubnetResourceId: network.properties.subnets[1].id
      privateDnsZoneArmResourceId: databaseZone.id
      publicNetworkAccess: 'Disabled'
    }
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
  }
  dependsOn: [
    databaseZoneLink
  ]
}

resource retbotDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: database
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
  }
}

resource dataKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: vaultSecrets.dataKey
  properties: {
    value: dataKey
  }
}

resource linkKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: vaultSecrets.linkKey
  properties: {
    value: linkKey
  }
}

resource monitorKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: vaultSecrets.monitorKey
  properties: {
    value: monitorKey
  }
}

resource metricsTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: vaultSecrets.metricsToken
  properties: {
    value: metricsToken
  }
}

resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: vaultSecrets.databaseUrl
  properties: {
    value: 'postgresql+asyncpg://retbot:${uriComponent(postgresPassword)}@${database.properties.fullyQualifiedDomainName}:5432/${databaseName}?ssl=require'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!isManagedIdentity) {
  parent: vault
  name: vaultSecrets.botSecret
  properties: {
    value: botAppSecret
  }
}

resource directLineSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(directLineSecret)) {
  parent: vault
  name: vaultSecrets.directLine
  properties: {
    value: directLineSecret
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: vaultSecrets.smtpPassword
  properties: {
    value: smtpPassword
  }
}

resource secretsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = if (!empty(registryName)) {
  name: registryName
}

resource imagePuller 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(registryName)) {
  scope: registry
  name: guid(resourceGroup().id, registryName, identity.id, acrPull)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', acrPull)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource appsEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: environmentName
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
    vnetConfiguration: {
      infrastructureSubnetId: network.properties.subnets[0].id
      internal: false
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
    ]
    zoneRedundant: false
  }
}

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: appName
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    environmentId: appsEnvironment.id
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 3978
        transport: 'http'
        allowInsecure: false
      }
      registries: empty(registryName) ? [] : [
        {
          server: '${registryName}.azurecr.io'
          identity: identity.id
        }
      ]
      secrets: concat([
        {
          name: 'data-key'
          keyVaultUrl: dataKeySecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'link-key'
          keyVaultUrl: linkKeySecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'monitor-key'
          keyVaultUrl: monitorKeySecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'metrics-token'
          keyVaultUrl: metricsTokenSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'database-url'
          keyVaultUrl: databaseUrlSecret.properties.secretUri
          identity: identity.id
        }
        {
          name: 'ret-yaml'
          value: retConfig
        }
      ], isManagedIdentity ? [] : [
        {
          name: 'bot-secret'
          keyVaultUrl: '${vault.properties.vaultUri}secrets/${vaultSecrets.botSecret}'
          identity: identity.id
        }
      ], empty(directLineSecret) ? [] : [
        {
          name: 'directline-secret'
          keyVaultUrl: '${vault.properties.vaultUri}secrets/${vaultSecrets.directLine}'
          identity: identity.id
        }
      ], empty(smtpPassword) ? [] : [
        {
          name: 'smtp-password'
          keyVaultUrl: '${vault.properties.vaultUri}secrets/${vaultSecrets.smtpPassword}'
          identity: identity.id
        }
      ])
    }
    template: {
      containers: [
        {
          name: 'retbot'
          image: containerImage
          resources: {
            cpu: json('0.5')
            memory: '1Gi'
          }
          env: concat([
            {
              name: 'CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID'
              value: isManagedIdentity ? identity.properties.clientId : botAppId
            }
            {
              name: 'CONNECTIONS__SERVICE_CONNECTION__SETTINGS__TENANTID'
              value: tenant().tenantId
            }
            {
              name: 'CONNECTIONS__SERVICE_CONNECTION__SETTINGS__AUTHTYPE'
              value: botIdentity
            }
            {
              name: 'RETBOT_DATABASE_URL'
              secretRef: 'database-url'
            }
            {
              name: 'RETBOT_CONFIG'
              value: '/config/ret.yaml'
            }
            {
              name: 'RETBOT_DATA_KEY'
              secretRef: 'data-key'
            }
            {
              name: 'RETBOT_LINK_KEY'
              secretRef: 'link-key'
            }
            {
              name: 'RETBOT_MONITOR_KEY'
              secretRef: 'monitor-key'
            }
            {
              name: 'RETBOT_METRICS_TOKEN'
              secretRef: 'metrics-token'
            }
            {
              name: 'RETBOT_PUBLIC_URL'
              value: 'https://${publicHost}'
            }
            {
              name: 'RETBOT_TRUSTED_PROXIES'
              value: '1'
            }
            {
              name: 'RETBOT_ALLOWED_TENANTS'
              value: tenant().tenantId
            }
            {
              name: 'RETBOT_DIRECTLINE_URL'
              value: directLineUrl
            }
            {
              name: 'RETBOT_EMBED_ORIGINS'
              value: embedOrigins
            }
            {
              name: 'RETBOT_GRAPH_INSTALL'
              value: string(graphInstall)
            }
            {
              name: 'RETBOT_SMTP_HOST'
              value: smtpHost
            }
            {
              name: 'RETBOT_SMTP_PORT'
              value: string(smtpPort)
            }
            {
              name: 'RETBOT_SMTP_USERNAME'
              value: smtpUsername
            }
            {
              name: 'RETBOT_MAIL_FROM'
              value: mailFrom
            }
            {
              name: 'RETBOT_LOG_FORMAT'
              value: 'json'
            }
          ], isManagedIdentity ? [] : [
            {
              name: 'CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTSECRET'
              secretRef: 'bot-secret'
            }
          ], empty(directLineSecret) ? [] : [
            {
              name: 'RETBOT_DIRECTLINE_SECRET'
              secretRef: 'directline-secret'
            }
          ], empty(smtpPassword) ? [] : [
            {
              name: 'RETBOT_SMTP_PASSWORD'
              secretRef: 'smtp-password'
            }
          ])
          probes: [
            {
              type: 'Startup'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 5
              failureThreshold: 30
            }
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/healthz'
                port: 3978
              }
              periodSeconds: 10
              failureThreshold: 3
            }
          ]
          volumeMounts: [
            {
              volumeName: 'ret'
              mountPath: '/config'
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: '50'
              }
            }
          }
        ]
      }
      volumes: [
        {
          name: 'ret'
          storageType: 'Secret'
          secrets: [
            {
              secretRef: 'ret-yaml'
              path: 'ret.yaml'
            }
          ]
        }
      ]
    }
  }
  dependsOn: [
    secretsReader
    imagePuller
    retbotDatabase
    botSecret
    directLineSecretValue
    smtpPasswordSecret
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: botLocation
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: retDisplayName
    endpoint: 'https://${publicHost}/api/messages'
    msaAppId: isManagedIdentity ? identity.properties.clientId : botAppId
    msaAppType: isManagedIdentity ? 'UserAssignedMSI' : 'SingleTenant'
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: isManagedIdentity ? identity.id : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: botLocation
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
      deploymentEnvironment: 'CommercialDeployment'
    }
  }
}

resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: botLocation
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'aanmelden'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

@description('Where retbot answers: the bot\'s messaging endpoint is this plus /api/messages.')
output publicUrl string = 'https://${publicHost}'

@description('The Container App\'s own address: point your domain\'s CNAME here.')
output appAddress string = app.properties.configuration.ingress.fqdn

@description('The bot\'s app id: retbot manifest --app-id <this>.')
output appId string = isManagedIdentity ? identity.properties.clientId : botAppId

@description('The Key Vault that keeps the keys and secrets.')
output keyVaultName string = vault.name

@description('The database server (private address, inside the network).')
output databaseHost string = database.properties.fullyQualifiedDomainName
